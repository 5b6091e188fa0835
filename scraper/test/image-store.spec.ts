import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveReferences } from '../src/extract/reference-resolver.js';
import { ImageStore } from '../src/sinks/image-store.js';
import { SITE_DIR } from './support/fixture-server.js';

describe('ImageStore', () => {
  let dir: string;
  beforeEach(async () => (dir = await mkdtemp(join(tmpdir(), 'scraper-store-'))));
  afterEach(() => rm(dir, { recursive: true, force: true }));
  const source = (url: string) => ({ url, kinds: ['img' as const], page: 'https://x.test/' });

  it('saves identical bytes once, listing every source', async () => {
    const store = new ImageStore(dir);
    const png = await readFile(join(SITE_DIR, 'img/plain.png'));
    assert.equal((await store.add(png, source('https://x.test/a.png?v=1'))).status, 'saved');
    assert.equal((await store.add(png, source('https://cdn.test/b'))).status, 'duplicate');
    assert.deepEqual(await readdir(dir), ['a.png']);
    assert.deepEqual(
      store.images()[0]!.sources.map((s) => s.url),
      ['https://x.test/a.png?v=1', 'https://cdn.test/b'],
    );
  });

  it('names files after the URL with the extension of the bytes, keeping names unique', async () => {
    const store = new ImageStore(dir);
    const gif = await readFile(join(SITE_DIR, 'img/frame.gif'));
    const png = await readFile(join(SITE_DIR, 'img/plain.png'));
    await store.add(gif, source('https://x.test/pics/photo.jpg'));
    await store.add(png, source('https://y.test/photo.png'));
    const [first, second] = store.images();
    assert.equal(first!.file, 'photo.gif');
    assert.equal(second!.file, 'photo.png');
    const third = await store.add(
      await readFile(join(SITE_DIR, 'img/shadow.png')),
      source('https://z.test/photo'),
    );
    assert.ok('image' in third && /^photo-[0-9a-f]{10}\.png$/.test(third.image.file));
  });

  it('rejects bytes that are not an image', async () => {
    const outcome = await new ImageStore(dir).add(
      Buffer.from('<html></html>'),
      source('https://x.test/a.png'),
      'text/html',
    );
    assert.deepEqual(outcome, { status: 'rejected', reason: 'not an image (text/html, 13 bytes)' });
    assert.deepEqual(await readdir(dir), []);
  });
});

describe('resolveReferences', () => {
  const page = 'https://site.test/dir/page';

  it('resolves URLs, picks srcset candidates and splits CSS values, merging kinds per URL', () => {
    const refs = resolveReferences(
      [
        { kind: 'img', base: page, format: 'url', value: 'a.png#frag' },
        { kind: 'lazy', base: page, format: 'url', value: '/dir/a.png' },
        {
          kind: 'img',
          base: page,
          format: 'srcset',
          value: 's.jpg 300w, l.jpg 900w',
          src: 's.jpg',
          fallbacks: ['https://site.test/dir/s.jpg'],
        },
        {
          kind: 'css-rule',
          base: 'https://cdn.test/css/site.css',
          format: 'css',
          value: 'url(../bg.png), linear-gradient(red, blue)',
        },
        { kind: 'icon', base: page, format: 'url', value: 'javascript:alert(1)' },
        { kind: 'inline-svg', base: page, format: 'svg', value: '<svg/>', label: `${page}#inline-svg-1` },
      ],
      page,
    );
    assert.deepEqual(
      refs.map((r) => [r.url, r.kinds, r.fallbacks]),
      [
        ['https://site.test/dir/a.png', ['img', 'lazy'], []],
        ['https://site.test/dir/l.jpg', ['img'], ['https://site.test/dir/s.jpg']],
        ['https://cdn.test/bg.png', ['css-rule'], []],
        [`${page}#inline-svg-1`, ['inline-svg'], []],
      ],
    );
    assert.equal(refs.at(-1)!.inlineSvg, '<svg/>');
  });
});
