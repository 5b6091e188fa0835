import assert from 'node:assert/strict';
import { publicInternetOnly } from './address.policy.js';
import { formatIp, parseIp } from './ip-address.js';

describe('address policy', () => {
  const denied: Array<[string, string]> = [
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['0.0.0.0', 'this-network'],
    ['10.0.0.1', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['100.64.0.1', 'carrier-grade NAT'],
    ['169.254.169.254', 'cloud metadata'],
    ['169.254.1.1', 'link-local'],
    ['100.100.100.200', 'cloud metadata'],
    ['168.63.129.16', 'cloud metadata'],
    ['198.18.0.1', 'benchmarking'],
    ['192.0.2.10', 'documentation'],
    ['224.0.0.1', 'multicast'],
    ['255.255.255.255', 'reserved'],
    ['::1', 'loopback'],
    ['::', 'unspecified'],
    ['[::1]', 'loopback'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['::ffff:169.254.169.254', 'cloud metadata'],
    ['::ffff:10.1.2.3', 'private'],
    ['64:ff9b::a9fe:a9fe', 'cloud metadata'],
    ['::127.0.0.1', 'reserved'],
    ['fc00::1', 'unique local'],
    ['fd12:3456::1', 'unique local'],
    ['fd00:ec2::254', 'cloud metadata'],
    ['fe80::1', 'link-local'],
    ['fe80::1%eth0', 'link-local'],
    ['ff02::1', 'multicast'],
    ['2001:db8::1', 'documentation'],
    ['2002:7f00:1::1', '6to4'],
    ['2001::1', 'IETF protocol assignments'],
    ['not-an-ip', 'unparseable'],
  ];
  for (const [address, range] of denied) {
    it(`refuses ${address} (${range})`, () => {
      const verdict = publicInternetOnly.check(address);
      assert.equal(verdict.allowed, false);
      assert.equal(!verdict.allowed && verdict.range, range);
      const overridable = range !== 'cloud metadata' && range !== 'unparseable';
      assert.equal(!verdict.allowed && verdict.overridable, overridable, 'only listed hosts, never metadata');
    });
  }

  for (const address of [
    '8.8.8.8',
    '1.1.1.1',
    '172.32.0.1',
    '100.128.0.1',
    '2606:4700:4700::1111',
    '::ffff:8.8.8.8',
    '2a00:1450:4001::200e',
  ]) {
    it(`allows public ${address}`, () => {
      assert.deepEqual(publicInternetOnly.check(address), { allowed: true });
    });
  }

  it('parses IPv6 forms into the same bytes', () => {
    assert.equal(formatIp(parseIp('::ffff:127.0.0.1')!), '0:0:0:0:0:ffff:7f00:1');
    assert.equal(formatIp(parseIp('2001:db8::8:800:200c:417a')!), '2001:db8:0:0:8:800:200c:417a');
    assert.equal(formatIp(parseIp('1::')!), '1:0:0:0:0:0:0:0');
    assert.equal(parseIp('1.2.3'), undefined);
  });
});
