import assert from 'node:assert/strict';
import { parseAllowedHosts } from './allowed-hosts.js';

describe('OUTBOUND_ALLOWED_HOSTS', () => {
  it('is empty by default and matches exact host and port only', () => {
    assert.equal(parseAllowedHosts('').includes('127.0.0.1', 80), false);
    const hosts = parseAllowedHosts(' media.internal:8080, 10.0.0.5:80 ,[::1]:9000');
    assert.deepEqual(hosts.entries, ['media.internal:8080', '10.0.0.5:80', '0:0:0:0:0:0:0:1:9000']);
    assert.equal(hosts.includes('MEDIA.internal', 8080), true);
    assert.equal(hosts.includes('media.internal', 8081), false);
    assert.equal(hosts.includes('10.0.0.5', 80), true);
    assert.equal(hosts.includes('10.0.0.6', 80), false);
    assert.equal(hosts.includes('0:0::1', 9000), true);
  });

  it('refuses entries without a port or with junk, naming each', () => {
    assert.throws(
      () => parseAllowedHosts('media.internal,ok.example:80,::1:80,a b:1,x:99999'),
      (error: Error) => {
        assert.match(error.message, /"media.internal"/);
        assert.match(error.message, /"::1:80"/);
        assert.match(error.message, /"a b:1"/);
        assert.match(error.message, /"x:99999"/);
        assert.doesNotMatch(error.message, /ok\.example/);
        return true;
      },
    );
  });
});
