import { embeddedIpv4, inRange, parseIp, parseRange, type IpAddress, type IpRange } from './ip-address.js';

export type AddressVerdict =
  | { allowed: true }
  /** `overridable`: an operator may let it through for one listed `host:port`; metadata never. */
  | { allowed: false; range: string; overridable: boolean };

/** Decides which resolved addresses an outbound fetch may connect to. */
export interface AddressPolicy {
  check(address: string): AddressVerdict;
}

type Rule = [cidr: string, label: string];

const METADATA = 'cloud metadata';

// IANA special-purpose registries; "metadata" entries sit inside larger ranges but name the danger.
const IPV4_DENIED: Rule[] = [
  ['169.254.169.254/32', METADATA], // AWS, GCP, Azure IMDS, OpenStack, DigitalOcean…
  ['100.100.100.200/32', METADATA], // Alibaba Cloud
  // Azure WireServer: a public address, reachable from every Azure VM, that hands out its config.
  ['168.63.129.16/32', METADATA],
  ['0.0.0.0/8', 'this-network'],
  ['10.0.0.0/8', 'private'],
  ['100.64.0.0/10', 'carrier-grade NAT'],
  ['127.0.0.0/8', 'loopback'],
  ['169.254.0.0/16', 'link-local'],
  ['172.16.0.0/12', 'private'],
  ['192.0.0.0/24', 'IETF protocol assignments'],
  ['192.0.2.0/24', 'documentation'],
  ['192.88.99.0/24', '6to4 relay'],
  ['192.168.0.0/16', 'private'],
  ['198.18.0.0/15', 'benchmarking'],
  ['198.51.100.0/24', 'documentation'],
  ['203.0.113.0/24', 'documentation'],
  ['224.0.0.0/4', 'multicast'],
  ['240.0.0.0/4', 'reserved'],
];

// Only global unicast (2000::/3) is public; these parts of it are not.
const IPV6_DENIED_IN_GLOBAL: Rule[] = [
  ['2001::/23', 'IETF protocol assignments'],
  ['2001:db8::/32', 'documentation'],
  ['2002::/16', '6to4'],
  ['3fff::/20', 'documentation'],
];

const IPV6_NAMED: Rule[] = [
  ['fd00:ec2::254/128', METADATA],
  ['::/128', 'unspecified'],
  ['::1/128', 'loopback'],
  ['fc00::/7', 'unique local'],
  ['fe80::/10', 'link-local'],
  ['fec0::/10', 'site-local'],
  ['ff00::/8', 'multicast'],
];

const compile = (rules: Rule[]) => rules.map(([cidr, label]) => ({ range: parseRange(cidr), label }));
const ipv4Denied = compile(IPV4_DENIED);
const ipv6DeniedInGlobal = compile(IPV6_DENIED_IN_GLOBAL);
const ipv6Named = compile(IPV6_NAMED);
const GLOBAL_UNICAST = parseRange('2000::/3');
// IPv6 forms that carry an IPv4 address a packet may end up at: judge the IPv4 address.
const CARRIES_IPV4 = [parseRange('::ffff:0:0/96'), parseRange('64:ff9b::/96')];

function firstMatch(address: IpAddress, rules: Array<{ range: IpRange; label: string }>): string | undefined {
  return rules.find((r) => inRange(address, r.range))?.label;
}

function denied(range: string): AddressVerdict {
  return { allowed: false, range, overridable: range !== METADATA };
}

function verdictFor(address: IpAddress): AddressVerdict {
  if (address.family === 4) {
    const label = firstMatch(address, ipv4Denied);
    return label ? denied(label) : { allowed: true };
  }
  if (CARRIES_IPV4.some((r) => inRange(address, r))) return verdictFor(embeddedIpv4(address));
  const named = firstMatch(address, ipv6Named);
  if (named) return denied(named);
  if (!inRange(address, GLOBAL_UNICAST)) return denied('reserved');
  const label = firstMatch(address, ipv6DeniedInGlobal);
  return label ? denied(label) : { allowed: true };
}

/** The production policy: public unicast internet addresses only. */
export const publicInternetOnly: AddressPolicy = {
  check(text) {
    const address = parseIp(text);
    return address ? verdictFor(address) : { allowed: false, range: 'unparseable', overridable: false };
  },
};
