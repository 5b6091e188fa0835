import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentProgress } from '../src/progress.js';
import { runScrape, type ScrapeSummary } from '../src/scrape/run-scrape.js';
import type { Manifest } from '../src/sinks/manifest.js';
import { SITE_DIR, startFixtureServer, type FixtureServer } from './support/fixture-server.js';
import { fixtureConfig } from './support/test-config.js';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const fixtureSha = async (file: string) => sha256(await readFile(join(SITE_DIR, file)));

/** Every image the fixture page shows or references, once each, as files whose bytes must be saved. */
const EXPECTED_FILES = [
  'img/plain.png', // also plain.png?v=1, ?v=2 and copy.png
  'img/large.jpg', // best srcset candidate (small.jpg is not)
  'img/photo.avif', // first <picture> source the browser supports
  'img/logo.svg',
  'img/fake.jpg',
  'img/noext-bytes.jpg',
  'img/datauri.png',
  'img/data-bg.svg',
  'img/blob-source.png',
  'img/bg.jpg',
  'img/inline-bg.png',
  'img/before.png',
  'img/mobile-bg.png',
  'img/sprite.svg',
  'img/embedded.png',
  'img/diagram.svg',
  'img/poster.jpg',
  'img/shadow.png',
  'img/closed-shadow.gif',
  'img/frame.gif',
  'img/lazy.webp',
  'img/native-lazy.gif',
  'img/never.bmp',
  'img/late.png',
  'img/scroll-added.png',
  'img/touch-icon.png',
  'img/og.jpg',
  'favicon.ico',
];

describe('scraping the fixture site', function () {
  this.timeout(120_000);
  let server: FixtureServer;
  let outputDir: string;
  let summary: ScrapeSummary;
  let manifest: Manifest;
  let text: string;

  before(async () => {
    server = await startFixtureServer();
    outputDir = await mkdtemp(join(tmpdir(), 'scraper-fixture-'));
    summary = await runScrape(fixtureConfig(server.url, outputDir), silentProgress);
    manifest = JSON.parse(await readFile(join(outputDir, 'manifest.json'), 'utf8')) as Manifest;
    text = await readFile(join(outputDir, 'text', 'main_page.txt'), 'utf8');
  });

  after(async () => {
    await server?.close();
    if (outputDir) await rm(outputDir, { recursive: true, force: true });
  });

  const fileImages = () =>
    manifest.images.filter((image) => !image.sources.some((s) => s.kinds.includes('inline-svg')));
  const occurrences = (needle: string) => text.split(needle).length - 1;

  it('saves exactly the expected image files, by sha256', async () => {
    const expected = new Set(await Promise.all(EXPECTED_FILES.map(fixtureSha)));
    assert.equal(expected.size, EXPECTED_FILES.length, 'fixture images must be distinct');
    assert.deepEqual(new Set(fileImages().map((image) => image.sha256)), expected);
  });

  it('saves the inline SVGs, with referenced symbols inlined and sprite containers skipped', async () => {
    const inline = manifest.images.filter((image) =>
      image.sources.some((s) => s.kinds.includes('inline-svg')),
    );
    assert.equal(inline.length, 4);
    const markup = await Promise.all(
      inline.map((image) => readFile(join(outputDir, 'images', image.file), 'utf8')),
    );
    assert.ok(markup.every((svg) => svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')));
    assert.ok(markup.some((svg) => svg.includes('<symbol id="star"') && svg.includes('<use href="#star"')));
    assert.ok(markup.some((svg) => svg.includes('<circle')));
  });

  it('writes each saved file once, with an extension taken from its bytes', async () => {
    const onDisk = (await readdir(join(outputDir, 'images'))).sort();
    assert.deepEqual(onDisk, manifest.images.map((image) => image.file).sort());
    for (const image of manifest.images) {
      const bytes = await readFile(join(outputDir, 'images', image.file));
      assert.equal(sha256(bytes), image.sha256);
      assert.equal(bytes.length, image.bytes);
    }
    const byUrl = (suffix: string) =>
      manifest.images.find((i) => i.sources.some((s) => s.url.endsWith(suffix)))!;
    assert.equal(byUrl('/img/fake.jpg').file, 'fake.png');
    assert.equal(byUrl('/img/noext').file, 'noext.jpg');
    assert.equal(byUrl('/img/og').type, 'jpeg');
    assert.equal(byUrl('/img/photo.avif').type, 'avif');
  });

  it('merges byte-identical images under every URL they were found at', () => {
    const plain = manifest.images.find((image) => image.file === 'plain.png')!;
    const urls = plain.sources.map((s) => new URL(s.url).pathname + new URL(s.url).search).sort();
    assert.deepEqual(urls, ['/img/copy.png', '/img/plain.png', '/img/plain.png?v=1', '/img/plain.png?v=2']);
    assert.equal(summary.duplicates, 3);
  });

  it('records kinds and dimensions in the manifest', () => {
    const find = (file: string) => manifest.images.find((image) => image.file === file)!;
    assert.deepEqual([find('large.jpg').width, find('large.jpg').height], [120, 80]);
    assert.deepEqual([find('lazy.webp').width, find('lazy.webp').height], [50, 50]);
    assert.deepEqual([find('favicon.ico').width, find('never.bmp').width], [16, 10]);
    assert.ok(find('bg.jpg').sources[0]!.kinds.includes('css-background'));
    assert.deepEqual(find('mobile-bg.png').sources[0]!.kinds, ['css-rule']);
    assert.ok(find('og.jpg').sources[0]!.kinds.includes('meta'));
    assert.ok(find('never.bmp').sources[0]!.kinds.includes('lazy'));
  });

  it('lists each failure with its reason and carries on', () => {
    const reasons = Object.fromEntries(manifest.failures.map((f) => [new URL(f.url).pathname, f.reason]));
    assert.deepEqual(Object.keys(reasons).sort(), [
      '/img/huge.png',
      '/img/missing.png',
      '/img/not-image.png',
      '/img/slow.png',
      '/private/secret.png',
    ]);
    assert.equal(reasons['/img/missing.png'], 'HTTP 404');
    assert.equal(reasons['/img/slow.png'], 'timeout');
    assert.equal(reasons['/private/secret.png'], 'disallowed by robots.txt');
    assert.match(reasons['/img/huge.png']!, /^too large/);
    assert.match(reasons['/img/not-image.png']!, /^not an image/);
    assert.deepEqual(manifest.summary, {
      pages: 1,
      images: 32,
      bytes: summary.bytes,
      duplicates: 3,
      failures: 5,
      skipped: 0,
    });
  });

  it('downloads only what the page references, each URL once, as MyMeetScraper', () => {
    const downloads = server.requests.filter((r) => !r.fromBrowser && r.path !== '/robots.txt');
    assert.ok(downloads.every((r) => r.userAgent.includes('MyMeetScraper')));
    for (const unchosen of [
      '/img/small.jpg',
      '/img/photo.webp',
      '/img/photo@2x.webp',
      '/img/photo-fallback.jpg',
    ]) {
      assert.ok(!downloads.some((r) => r.path === unchosen), `${unchosen} is not the chosen candidate`);
    }
    const retried = new Set(['/img/slow.png']);
    const counts = new Map<string, number>();
    for (const r of downloads) counts.set(r.path, (counts.get(r.path) ?? 0) + 1);
    for (const [path, count] of counts) assert.equal(count, retried.has(path) ? 2 : 1, path);
  });

  it('keeps the visible text in reading order', () => {
    const lines = text.trimEnd().split('\n');
    const order = [
      'Fixture Home',
      'Привет, мир! Встречи с ИИ-ассистентом.',
      'Smart Summaries',
      'NEW Feature badge line',
      'Plans from $9 per month for every team',
      'Shadow greeting',
      'Slotted light text',
      'Closed shadow text',
      'Inside the frame',
      'Send request',
      'Fade in on scroll text',
      'Scrolled into view text',
      'Footer contact line',
      'Late arrival text',
    ];
    const positions = order.map((line) => lines.indexOf(line));
    assert.ok(
      positions.every((p) => p >= 0),
      `missing lines: ${order.filter((_, i) => positions[i] === -1).join(' | ')}`,
    );
    assert.deepEqual(
      [...positions].sort((a, b) => a - b),
      positions,
    );
  });

  it('keeps a responsive copy and a letter-by-letter animated word once each', () => {
    assert.equal(occurrences('Plans from $9 per month for every team'), 1);
    assert.equal(occurrences('Smart Summaries'), 1);
    assert.ok(text.endsWith('\n') && Buffer.from(text, 'utf8').toString('utf8') === text);
  });

  it('leaves out hidden, unrendered and non-content text', () => {
    for (const hidden of [
      'Secret hidden text',
      'Display none text',
      'Invisible words',
      'Transparent words',
      'Screen reader only text',
      'No script text',
      'TEMPLATE_MARKER',
      'SCRIPT_MARKER',
      'STYLE_MARKER',
      'TITLE_MARKER',
      'Unslotted light text',
    ]) {
      assert.equal(occurrences(hidden), 0, hidden);
    }
  });
});
