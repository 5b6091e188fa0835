import { isIP } from 'node:net';

export interface IpAddress {
  family: 4 | 6;
  /** 4 or 16 bytes, network order. */
  bytes: number[];
}

/** Parses a textual IPv4 or IPv6 address (zone id ignored); undefined if it is not one. */
export function parseIp(text: string): IpAddress | undefined {
  const bare = text.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const family = isIP(bare);
  if (family === 4) return { family: 4, bytes: bare.split('.').map(Number) };
  if (family !== 6) return undefined;
  // An IPv4 tail ("::ffff:127.0.0.1") becomes two hex groups ("::ffff:7f00:1").
  const hex = bare.replace(
    /(\d+)\.(\d+)\.(\d+)\.(\d+)$/,
    (_all, a: string, b: string, c: string, d: string) =>
      [(+a << 8) | +b, (+c << 8) | +d].map((g) => g.toString(16)).join(':'),
  );
  const groups = expandGroups(hex);
  return { family: 6, bytes: groups.flatMap((g) => [g >> 8, g & 0xff]) };
}

function expandGroups(text: string): number[] {
  const [left = '', right] = text.split('::');
  const parse = (part: string) => (part ? part.split(':').map((g) => parseInt(g, 16)) : []);
  const leftGroups = parse(left);
  if (right === undefined) return leftGroups;
  const rightGroups = parse(right);
  return [
    ...leftGroups,
    ...new Array<number>(8 - leftGroups.length - rightGroups.length).fill(0),
    ...rightGroups,
  ];
}

/** The IPv4 address carried in the last 4 bytes of an IPv6 address. */
export function embeddedIpv4(address: IpAddress): IpAddress {
  return { family: 4, bytes: address.bytes.slice(12) };
}

export function formatIp(address: IpAddress): string {
  if (address.family === 4) return address.bytes.join('.');
  const groups: string[] = [];
  for (let i = 0; i < 16; i += 2)
    groups.push(((address.bytes[i]! << 8) | address.bytes[i + 1]!).toString(16));
  return groups.join(':');
}

/** A CIDR range such as "10.0.0.0/8" or "fe80::/10". */
export interface IpRange {
  family: 4 | 6;
  bytes: number[];
  prefixLength: number;
}

export function parseRange(cidr: string): IpRange {
  const [text = '', length = ''] = cidr.split('/');
  const address = parseIp(text);
  if (!address) throw new Error(`Bad CIDR ${cidr}`);
  return { ...address, prefixLength: Number(length) };
}

export function inRange(address: IpAddress, range: IpRange): boolean {
  if (address.family !== range.family) return false;
  let bits = range.prefixLength;
  for (let i = 0; bits > 0; i++, bits -= 8) {
    const mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
    if ((address.bytes[i]! & mask) !== (range.bytes[i]! & mask)) return false;
  }
  return true;
}
