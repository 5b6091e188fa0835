import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Manifest } from '../src/sinks/manifest.js';
import { closedPort } from './support/closed-port.js';
import { startFixtureServer, type FixtureServer } from './support/fixture-server.js';
import { runCli } from './support/run-cli.js';
import { FIXTURE_ENV } from './support/test-config.js';

describe('the scrape command', function () {
  this.timeout(60_000);
  let server: FixtureServer;
  let workDir: string;

  before(async () => {
    server = await startFixtureServer();
    workDir = await mkdtemp(join(tmpdir(), 'scraper-cli-'));
  });
  after(async () => {
    await server?.close();
    if (workDir) await rm(workDir, { recursive: true, force: true });
  });

  it('scrapes a page, prints progress and a summary, and exits 0', async () => {
    const run = await runCli({
      ...FIXTURE_ENV,
      BASE_URL: `${server.url}blog/`,
      OUTPUT_DIR: join(workDir, 'ok'),
    });
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /page 1: opening/);
    assert.match(run.stdout, /pages: {4}1 \(text\/main_page\.txt\)/);
    assert.match(run.stdout, /images: {3}1 saved/);
    assert.equal(await readFile(join(workDir, 'ok', 'text', 'main_page.txt'), 'utf8'), 'Blog index text\n');
  });

  it('follows a page that navigates away by script while it is being scrolled', async () => {
    const run = await runCli({
      ...FIXTURE_ENV,
      BASE_URL: `${server.url}moving.html`,
      OUTPUT_DIR: join(workDir, 'moving'),
    });
    assert.equal(run.code, 0, run.stderr);
    assert.equal(
      await readFile(join(workDir, 'moving', 'text', 'main_page.txt'), 'utf8'),
      'Blog index text\n',
    );
  });

  it('rejects bad configuration naming every bad variable, with exit code 2', async () => {
    const run = await runCli({
      BASE_URL: 'ftp://example.com',
      RETRIES: 'many',
      RESPECT_ROBOTS: 'perhaps',
      CRAWL_DEPTH: '-1',
    });
    assert.equal(run.code, 2);
    for (const name of ['BASE_URL', 'RETRIES', 'RESPECT_ROBOTS', 'CRAWL_DEPTH'])
      assert.match(run.stderr, new RegExp(`- ${name}: `));
    assert.equal(run.stdout, '');
  });

  it('reads a .env file, with the real environment taking precedence', async () => {
    const envFile = join(workDir, 'bad.env');
    await writeFile(envFile, 'MAX_PAGES=zero\nRETRIES=1\n# comment\nCONCURRENCY=0\n');
    const run = await runCli({ ENV_FILE: envFile, CONCURRENCY: '2' });
    assert.equal(run.code, 2);
    assert.match(run.stderr, /- MAX_PAGES: /);
    assert.doesNotMatch(run.stderr, /CONCURRENCY|RETRIES/);
  });

  it('fails with a readable message when the site cannot be reached', async () => {
    const url = `http://127.0.0.1:${await closedPort()}/`;
    const run = await runCli({ ...FIXTURE_ENV, BASE_URL: url, OUTPUT_DIR: join(workDir, 'down') });
    assert.equal(run.code, 1);
    assert.match(run.stderr, new RegExp(`scrape failed: cannot load ${url}: .*ERR_CONNECTION_REFUSED`));
    assert.doesNotMatch(run.stderr, /\n\s+at /, 'no stack trace for an expected failure');
  });

  it('fails when the main page answers with an HTTP error', async () => {
    const run = await runCli({
      ...FIXTURE_ENV,
      BASE_URL: `${server.url}nowhere.html`,
      OUTPUT_DIR: join(workDir, 'missing'),
    });
    assert.equal(run.code, 1);
    assert.match(run.stderr, /cannot load .*nowhere\.html: HTTP 404/);
    const manifest = JSON.parse(
      await readFile(join(workDir, 'missing', 'manifest.json'), 'utf8'),
    ) as Manifest;
    assert.deepEqual(
      manifest.failures.map((f) => [f.kinds, f.reason]),
      [[['page'], `cannot load ${server.url}nowhere.html: HTTP 404`]],
    );
  });

  it('empties text/ and images/ only in a folder that holds its manifest', async () => {
    const foreign = join(workDir, 'foreign');
    await mkdir(join(foreign, 'images'), { recursive: true });
    await writeFile(join(foreign, 'images', 'keep.txt'), 'not ours');
    const env = { ...FIXTURE_ENV, BASE_URL: `${server.url}blog/`, OUTPUT_DIR: foreign };
    const first = await runCli(env);
    assert.match(first.stderr, /no manifest\.json: not emptying/);
    assert.deepEqual((await readdir(join(foreign, 'images'))).sort(), ['keep.txt', 'plain.png']);
    await runCli(env);
    assert.deepEqual(await readdir(join(foreign, 'images')), ['plain.png']);
  });

  it('refuses a main page that robots.txt disallows, unless told to ignore robots.txt', async () => {
    const blocked = {
      ...FIXTURE_ENV,
      BASE_URL: `${server.url}private/`,
      OUTPUT_DIR: join(workDir, 'private'),
    };
    const refused = await runCli(blocked);
    assert.equal(refused.code, 1);
    assert.match(
      refused.stderr,
      /robots\.txt disallows .*private\/ \(set RESPECT_ROBOTS=false to override\)/,
    );
    const ignored = await runCli({ ...blocked, RESPECT_ROBOTS: 'false' });
    assert.match(ignored.stderr, /cannot load .*private\/: HTTP 404/);
  });
});
