import assert from 'node:assert/strict';
import { ConfigError } from '@mymeet/core';
import { loadGatewayConfig } from './config.js';

const base = { INTERNAL_SECRET: 'i'.repeat(32) };
const problems = (env: Record<string, string>) => {
  try {
    loadGatewayConfig({ ...base, ...env });
    return [];
  } catch (error) {
    assert.ok(error instanceof ConfigError);
    return error.problems;
  }
};

describe('gateway config', () => {
  it('refuses to boot in production with JWKS but no JWT_ISSUER or JWT_AUDIENCE', () => {
    const found = problems({ NODE_ENV: 'production', JWT_JWKS_URL: 'https://idp.example.com/jwks.json' });
    assert.equal(found.length, 2, found.join('\n'));
    assert.match(found.join('\n'), /JWT_ISSUER: required/);
    assert.match(found.join('\n'), /JWT_AUDIENCE: required/);
    assert.deepEqual(
      problems({
        NODE_ENV: 'production',
        JWT_JWKS_URL: 'https://idp.example.com/jwks.json',
        JWT_ISSUER: 'https://idp.example.com/',
        JWT_AUDIENCE: 'mymeet',
      }),
      [],
    );
  });

  it('takes keys over https only, plain http from loopback alone', () => {
    assert.match(
      problems({ JWT_JWKS_URL: 'http://idp.example.com/jwks.json' })[0] ?? '',
      /JWT_JWKS_URL: must be an https/,
    );
    assert.match(problems({ JWT_JWKS_URL: 'http://10.0.0.5/jwks.json' })[0] ?? '', /JWT_JWKS_URL/);
    for (const url of ['http://127.0.0.1:8080/jwks', 'http://localhost/jwks', 'http://[::1]/jwks']) {
      assert.deepEqual(problems({ JWT_JWKS_URL: url }), [], url);
    }
  });

  it('serves no metrics unless a metrics port is set, and keeps debug output off by default', () => {
    const config = loadGatewayConfig({ ...base, JWT_SECRET: 'j'.repeat(32) });
    assert.equal(config.metrics, undefined);
    assert.equal(config.graphqlDebug, false);
    assert.deepEqual(
      loadGatewayConfig({ ...base, JWT_SECRET: 'j'.repeat(32), GATEWAY_METRICS_PORT: '4090' }).metrics,
      {
        host: '127.0.0.1',
        port: 4090,
      },
    );
  });
});
