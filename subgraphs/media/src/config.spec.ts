import assert from 'node:assert/strict';
import { ConfigError } from '@mymeet/core';
import { loadMediaConfig } from './config.js';

const secret = { INTERNAL_SECRET: 'x'.repeat(32) };

describe('media config', () => {
  it('has working defaults and derives its own database', () => {
    const config = loadMediaConfig(secret);
    assert.equal(config.port, 4002);
    assert.equal(config.s3.bucket, 'mymeet-media');
    assert.equal(config.s3.region, 'us-east-1');
    assert.equal(config.s3.forcePathStyle, false);
    assert.equal(config.consumerPrefix, 'media');
    assert.match(config.databaseUrl, /\/mymeet_media$/);
    assert.deepEqual(config.imports.allowedPorts, [80, 443]);
    assert.deepEqual(config.imports.allowedHosts.entries, [], 'OUTBOUND_ALLOWED_HOSTS is empty by default');
    assert.equal(config.imports.maxConcurrentPerUser, 3);
    assert.equal(config.imports.minBytesPerSecond, 16 * 1024);
    assert.deepEqual(config.imports.retryDelaysMs, [5_000, 30_000, 120_000]);
    assert.equal(config.uploads.singlePutMaxBytes, 64 * 1024 * 1024);
  });

  it('uses path-style addressing for a custom endpoint unless told otherwise', () => {
    const minio = loadMediaConfig({ ...secret, S3_ENDPOINT: 'http://127.0.0.1:9000' });
    assert.equal(minio.s3.forcePathStyle, true);
    const forced = loadMediaConfig({
      ...secret,
      S3_ENDPOINT: 'http://s3.local',
      S3_FORCE_PATH_STYLE: 'false',
    });
    assert.equal(forced.s3.forcePathStyle, false);
  });

  it('lists every bad variable at once', () => {
    let error: unknown;
    try {
      loadMediaConfig({
        INTERNAL_SECRET: 'short',
        MEDIA_PORT: 'eighty',
        S3_ENDPOINT: 'ftp://storage',
        MEDIA_PART_SIZE_BYTES: '1024',
        MEDIA_IMPORT_ALLOWED_PORTS: '80,http',
        S3_BUCKET: 'Not_A_Bucket',
        OUTBOUND_ALLOWED_HOSTS: 'media.internal',
      });
    } catch (caught) {
      error = caught;
    }
    assert.ok(error instanceof ConfigError);
    for (const variable of [
      'INTERNAL_SECRET',
      'MEDIA_PORT',
      'S3_ENDPOINT',
      'MEDIA_PART_SIZE_BYTES',
      'MEDIA_IMPORT_ALLOWED_PORTS',
      'S3_BUCKET',
      'OUTBOUND_ALLOWED_HOSTS',
    ]) {
      assert.match(error.message, new RegExp(`${variable}:`), variable);
    }
  });

  it('reads OUTBOUND_ALLOWED_HOSTS as host:port pairs', () => {
    const config = loadMediaConfig({ ...secret, OUTBOUND_ALLOWED_HOSTS: 'media.internal:8080,[::1]:9000' });
    assert.equal(config.imports.allowedHosts.includes('media.internal', 8080), true);
    assert.equal(config.imports.allowedHosts.includes('media.internal', 80), false);
  });

  it('wants both S3 keys or neither', () => {
    assert.throws(() => loadMediaConfig({ ...secret, S3_ACCESS_KEY_ID: 'key' }), /S3_SECRET_ACCESS_KEY/);
  });
});
