import { isIP } from 'node:net';
import { formatIp, parseIp } from './ip-address.js';

/**
 * `OUTBOUND_ALLOWED_HOSTS` (API.md): the `host:port` targets outbound requests may reach although
 * they resolve to private addresses (an internal media server, a test fixture). Everything else is
 * public internet only. Cloud metadata addresses stay refused even when listed.
 */
export interface AllowedHosts {
  includes(host: string, port: number): boolean;
  readonly entries: readonly string[];
}

export const NO_ALLOWED_HOSTS: AllowedHosts = { includes: () => false, entries: [] };

/** Parses `host:port,host:port` (`[v6]:port` for IPv6); throws listing every bad entry. */
export function parseAllowedHosts(text: string): AllowedHosts {
  const items = text
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
  const bad: string[] = [];
  const entries = new Set<string>();
  for (const item of items) {
    const entry = normaliseEntry(item);
    if (entry) entries.add(entry);
    else bad.push(item);
  }
  if (bad.length) {
    throw new Error(
      `not host:port (use [address]:port for IPv6): ${bad.map((b) => JSON.stringify(b)).join(', ')}`,
    );
  }
  return {
    entries: [...entries],
    includes: (host, port) => entries.has(`${normaliseHost(host)}:${port}`),
  };
}

function normaliseEntry(item: string): string | undefined {
  const match = /^(\[[^\]]+\]|[^:[\]]+):(\d{1,5})$/.exec(item);
  if (!match) return undefined;
  const port = Number(match[2]);
  if (port < 1 || port > 65535) return undefined;
  const host = match[1]!.replace(/^\[|\]$/g, '');
  if (match[1]!.startsWith('[') && isIP(host) !== 6) return undefined;
  if (!isIP(host) && !/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/i.test(host))
    return undefined;
  return `${normaliseHost(host)}:${port}`;
}

/** One spelling per host: lower-case names, canonical addresses (so `::1` and `0:0::1` match). */
function normaliseHost(host: string): string {
  const bare = host.replace(/^\[|\]$/g, '');
  const address = isIP(bare) ? parseIp(bare) : undefined;
  return address ? formatIp(address) : bare.toLowerCase().replace(/\.$/, '');
}
