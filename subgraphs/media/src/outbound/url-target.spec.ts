import assert from 'node:assert/strict';
import { MediaError } from '../domain/media-error.js';
import { publicInternetOnly } from './address.policy.js';
import { NO_ALLOWED_HOSTS, parseAllowedHosts } from './allowed-hosts.js';
import { resolveTarget, type ResolveHost, type TargetRules } from './url-target.js';

const dns: Record<string, string[]> = {
  'media.example.com': ['93.184.216.34'],
  'sneaky.example.com': ['93.184.216.34', '10.0.0.5'],
  'loopback.example.com': ['127.0.0.1'],
  'v6.example.com': ['2606:4700::6810:84e5', '::1'],
  'media.internal': ['10.1.2.3'],
  'metadata.internal': ['169.254.169.254'],
  localhost: ['127.0.0.1'],
};
const resolve: ResolveHost = async (host) =>
  (dns[host] ?? []).map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
const rules: TargetRules = {
  allowedPorts: [80, 443],
  policy: publicInternetOnly,
  allowedHosts: NO_ALLOWED_HOSTS,
  resolve,
};

async function reasonFor(url: string, allowedHosts = ''): Promise<string> {
  try {
    await resolveTarget(new URL(url), { ...rules, allowedHosts: parseAllowedHosts(allowedHosts) });
    return 'ALLOWED';
  } catch (error) {
    assert.ok(error instanceof MediaError);
    assert.equal(error.details.field, 'url');
    return error.details.reason!;
  }
}

describe('URL target checks', () => {
  it('pins a public host to the address it resolved to', async () => {
    const target = await resolveTarget(new URL('https://media.example.com/a.mp3'), rules);
    assert.deepEqual(target.address, { address: '93.184.216.34', family: 4 });
    assert.equal(target.port, 443);
  });

  const cases: Array<[string, string]> = [
    ['ftp://media.example.com/a.mp3', 'URL_SCHEME_NOT_ALLOWED'],
    ['file:///etc/passwd', 'URL_SCHEME_NOT_ALLOWED'],
    ['gopher://media.example.com/', 'URL_SCHEME_NOT_ALLOWED'],
    ['http://user:secret@media.example.com/a.mp3', 'URL_CREDENTIALS_NOT_ALLOWED'],
    ['http://media.example.com:22/a.mp3', 'URL_PORT_NOT_ALLOWED'],
    ['http://media.example.com:8080/a.mp3', 'URL_PORT_NOT_ALLOWED'],
    ['http://unknown.example.com/a.mp3', 'URL_DNS_FAILED'],
    ['http://loopback.example.com/a.mp3', 'URL_FORBIDDEN_ADDRESS'],
    ['http://sneaky.example.com/a.mp3', 'URL_FORBIDDEN_ADDRESS'],
    ['http://v6.example.com/a.mp3', 'URL_FORBIDDEN_ADDRESS'],
    ['http://127.0.0.1/a.mp3', 'URL_FORBIDDEN_ADDRESS'],
    ['http://2130706433/a.mp3', 'URL_FORBIDDEN_ADDRESS'],
    ['http://0x7f.1/a.mp3', 'URL_FORBIDDEN_ADDRESS'],
    ['http://[::ffff:169.254.169.254]/latest/meta-data/', 'URL_FORBIDDEN_ADDRESS'],
    ['http://[fd00:ec2::254]/latest/meta-data/', 'URL_FORBIDDEN_ADDRESS'],
    ['http://0.0.0.0/', 'URL_FORBIDDEN_ADDRESS'],
  ];
  for (const [url, reason] of cases) {
    it(`refuses ${url} with ${reason}`, async () => {
      assert.equal(await reasonFor(url), reason);
    });
  }

  it('lets exactly the host:port pairs in OUTBOUND_ALLOWED_HOSTS reach private addresses, on any port', async () => {
    const listed = 'media.internal:8080,127.0.0.1:9000,[::1]:80,metadata.internal:80,169.254.169.254:80';
    assert.equal(await reasonFor('http://media.internal:8080/a.mp3', listed), 'ALLOWED');
    assert.equal(await reasonFor('http://media.internal:8081/a.mp3', listed), 'URL_PORT_NOT_ALLOWED');
    assert.equal(await reasonFor('http://media.internal/a.mp3', listed), 'URL_FORBIDDEN_ADDRESS');
    assert.equal(await reasonFor('http://127.0.0.1:9000/a.mp3', listed), 'ALLOWED');
    assert.equal(
      await reasonFor('http://2130706433:9000/a.mp3', listed),
      'ALLOWED',
      'same address, other spelling',
    );
    assert.equal(await reasonFor('http://127.0.0.2/a.mp3', listed), 'URL_FORBIDDEN_ADDRESS');
    assert.equal(await reasonFor('http://[0:0::1]/a.mp3', listed), 'ALLOWED');
    assert.equal(await reasonFor('http://localhost/a.mp3', listed), 'URL_FORBIDDEN_ADDRESS');
  });

  it('never lets cloud metadata through, listed or not', async () => {
    const listed = 'metadata.internal:80,169.254.169.254:80,168.63.129.16:80';
    assert.equal(await reasonFor('http://metadata.internal/latest/', listed), 'URL_FORBIDDEN_ADDRESS');
    assert.equal(await reasonFor('http://169.254.169.254/latest/', listed), 'URL_FORBIDDEN_ADDRESS');
    assert.equal(await reasonFor('http://168.63.129.16/machine?comp=goalstate'), 'URL_FORBIDDEN_ADDRESS');
    assert.equal(await reasonFor('http://168.63.129.16/', listed), 'URL_FORBIDDEN_ADDRESS');
  });
});
