import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentProgress } from '../src/progress.js';
import { runScrape } from '../src/scrape/run-scrape.js';
import type { Manifest } from '../src/sinks/manifest.js';
import { startFixtureServer, type FixtureServer } from './support/fixture-server.js';
import { fixtureConfig } from './support/test-config.js';

describe('crawling same-site links', function () {
  this.timeout(120_000);
  let server: FixtureServer;
  let outputDir: string;

  before(async () => {
    server = await startFixtureServer();
    outputDir = await mkdtemp(join(tmpdir(), 'scraper-crawl-'));
  });
  after(async () => {
    await server?.close();
    if (outputDir) await rm(outputDir, { recursive: true, force: true });
  });

  it('saves linked pages to the given depth under text/ by path, the main page staying main_page.txt', async () => {
    const summary = await runScrape(
      fixtureConfig(server.url, outputDir, { CRAWL_DEPTH: '1' }),
      silentProgress,
    );
    assert.deepEqual(
      summary.pages.map((p) => [new URL(p.url).pathname, p.file, p.depth]),
      [
        ['/', 'text/main_page.txt', 0],
        ['/about.html', 'text/about.txt', 1],
        ['/blog/', 'text/blog/index.txt', 1],
      ],
    );
    assert.equal(
      await readFile(join(outputDir, 'text', 'about.txt'), 'utf8'),
      'About page text\nDeeper Home Team\n',
    );
    assert.equal(await readFile(join(outputDir, 'text', 'blog', 'index.txt'), 'utf8'), 'Blog index text\n');
    assert.ok(!server.requests.some((r) => r.path === '/deep.html'), 'depth 2 is not visited');
    const manifest = JSON.parse(await readFile(summary.manifestPath, 'utf8')) as Manifest;
    const pagesWithImages = new Set(manifest.images.flatMap((image) => image.sources.map((s) => s.page)));
    assert.deepEqual(
      [...pagesWithImages],
      [server.url],
      'extra pages add no images unless CRAWL_IMAGES=true',
    );
  });
});
