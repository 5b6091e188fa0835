import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { badInput } from '../domain/media-error.js';
import type { AddressPolicy } from './address.policy.js';
import type { AllowedHosts } from './allowed-hosts.js';

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Resolves a host name to every address it has (injectable for tests). */
export type ResolveHost = (hostname: string) => Promise<ResolvedAddress[]>;

export const resolveWithSystemDns: ResolveHost = async (hostname) =>
  (await lookup(hostname, { all: true, verbatim: true })).map((a) => ({
    address: a.address,
    family: a.family === 6 ? 6 : 4,
  }));

/** A checked URL and the one address the connection must use. */
export interface PinnedTarget {
  url: URL;
  /** Host name without IPv6 brackets. */
  host: string;
  port: number;
  address: ResolvedAddress;
}

export interface TargetRules {
  /** Ports public hosts may be reached on. */
  allowedPorts: readonly number[];
  policy: AddressPolicy;
  /** `OUTBOUND_ALLOWED_HOSTS`: exact `host:port`s that may resolve to private addresses. */
  allowedHosts: AllowedHosts;
  resolve: ResolveHost;
}

/**
 * Validates a URL and resolves it once. Every address of the host must pass the policy (one
 * private answer among public ones is refused) unless its `host:port` is listed in
 * `OUTBOUND_ALLOWED_HOSTS`, and the connection is later pinned to the address checked here, so a
 * second DNS answer cannot swap in an internal one.
 */
export async function resolveTarget(url: URL, rules: TargetRules): Promise<PinnedTarget> {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw badInput('url', 'URL_SCHEME_NOT_ALLOWED', 'Only http and https URLs can be imported.');
  }
  if (url.username || url.password) {
    throw badInput(
      'url',
      'URL_CREDENTIALS_NOT_ALLOWED',
      'URLs with a user name or password cannot be imported.',
    );
  }
  const port = url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const listed = rules.allowedHosts.includes(host, port);
  if (!listed && !rules.allowedPorts.includes(port)) {
    throw badInput(
      'url',
      'URL_PORT_NOT_ALLOWED',
      `Port ${port} is not allowed; use ${rules.allowedPorts.join(' or ')}.`,
    );
  }
  const addresses = isIP(host)
    ? [{ address: host, family: isIP(host) as 4 | 6 }]
    : await resolveHost(host, rules.resolve);
  for (const candidate of addresses) {
    const verdict = rules.policy.check(candidate.address);
    if (!verdict.allowed && !(listed && verdict.overridable)) {
      throw badInput(
        'url',
        'URL_FORBIDDEN_ADDRESS',
        `The URL points to a ${verdict.range} address, which cannot be imported from. Use a public URL.`,
      );
    }
  }
  return { url, host, port, address: addresses[0]! };
}

async function resolveHost(host: string, resolve: ResolveHost): Promise<ResolvedAddress[]> {
  let addresses: ResolvedAddress[];
  try {
    addresses = await resolve(host);
  } catch {
    addresses = [];
  }
  if (!addresses.length) throw badInput('url', 'URL_DNS_FAILED', `The host "${host}" could not be found.`);
  return addresses;
}
