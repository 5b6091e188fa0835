import { isIP } from 'node:net';

/**
 * Keys must come over TLS: a JWKS fetched over plain http lets anyone on the path sign tokens.
 * Loopback http is allowed for tests and a provider running beside the gateway.
 */
export function isAllowedJwksUrl(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.protocol === 'https:') return true;
  if (url.protocol !== 'http:') return false;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  return host === 'localhost' || host === '::1' || (isIP(host) === 4 && host.startsWith('127.'));
}
