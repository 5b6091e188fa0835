import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, parseConfig } from '../src/config.js';
import { readEnvironment } from '../src/env-files.js';

describe('config', () => {
  it('has working defaults', () => {
    const config = parseConfig({});
    assert.equal(config.BASE_URL, 'https://mymeet.ai/');
    assert.equal(config.OUTPUT_DIR, './output');
    assert.equal(config.CHROMIUM_PATH, '/usr/bin/chromium');
    assert.equal(config.RESPECT_ROBOTS, true);
    assert.equal(config.CRAWL_DEPTH, 0);
  });

  it('coerces numbers and booleans, treating blank values as unset', () => {
    const config = parseConfig({
      RETRIES: '5',
      RESPECT_ROBOTS: 'no',
      CRAWL_IMAGES: 'yes',
      REQUESTS_PER_SECOND: '0.5',
      MAX_PAGES: '  ',
    });
    assert.deepEqual(
      [
        config.RETRIES,
        config.RESPECT_ROBOTS,
        config.CRAWL_IMAGES,
        config.REQUESTS_PER_SECOND,
        config.MAX_PAGES,
      ],
      [5, false, true, 0.5, 20],
    );
  });

  it('reports every bad variable at once', () => {
    const bad = {
      BASE_URL: 'not a url',
      CONCURRENCY: '0',
      REQUESTS_PER_SECOND: '-1',
      RESPECT_ROBOTS: 'maybe',
      RETRIES: '1.5',
    };
    assert.throws(
      () => parseConfig(bad),
      (error: unknown) => {
        assert.ok(error instanceof ConfigError);
        assert.deepEqual(error.problems.map((p) => p.split(':')[0]).sort(), Object.keys(bad).sort());
        assert.match(error.message, /^Invalid configuration:\n {2}- /);
        assert.match(error.message, /BASE_URL: must be an http\(s\) URL \(got "not a url"\)/);
        return true;
      },
    );
  });

  it('rejects non-http base URLs', () => {
    assert.throws(() => parseConfig({ BASE_URL: 'file:///etc/passwd' }), /BASE_URL/);
  });

  it('merges .env files under the real environment', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'scraper-env-'));
    try {
      await writeFile(
        join(dir, '.env'),
        'BASE_URL=http://from-file.test/\nOUTPUT_DIR="./from file"\nRETRIES=3\n',
      );
      const env = readEnvironment({ RETRIES: '7' }, dir);
      assert.equal(env.BASE_URL, 'http://from-file.test/');
      assert.equal(env.OUTPUT_DIR, './from file');
      assert.equal(env.RETRIES, '7');
      assert.throws(() => readEnvironment({ ENV_FILE: 'missing.env' }, dir), /ENV_FILE not found/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
