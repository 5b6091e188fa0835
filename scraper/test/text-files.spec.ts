import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assembleText } from '../src/extract/text-assembly.js';
import { TextStore, textFileFor } from '../src/sinks/text-store.js';

describe('assembleText', () => {
  it('joins runs into lines at block boundaries, collapsing whitespace', () => {
    assert.equal(
      assembleText([null, 'Hello ', ' wor', 'ld', null, null, '\u00A0 Next\u200B line ', null]),
      'Hello world\nNext line\n',
    );
    assert.equal(assembleText([null, '  ', null]), '');
  });

  it('drops long lines repeated verbatim but keeps short repeats', () => {
    const block = 'A sentence long enough to be a block';
    assert.equal(
      assembleText([block, null, 'Learn more', null, block.toUpperCase(), null, 'Learn more']),
      `${block}\nLearn more\nLearn more\n`,
    );
  });
});

describe('text file paths', () => {
  it('maps page URLs to paths under text/', () => {
    assert.equal(textFileFor('https://x.test/about'), 'about.txt');
    assert.equal(textFileFor('https://x.test/about.html'), 'about.txt');
    assert.equal(textFileFor('https://x.test/blog/'), 'blog/index.txt');
    assert.equal(textFileFor('https://x.test/'), 'index.txt');
    assert.equal(textFileFor('https://x.test/docs/%D0%BF%D1%80%D0%B8%D0%B2%D0%B5%D1%82'), 'docs/привет.txt');
    assert.equal(textFileFor('https://x.test/a/../../etc/passwd'), 'etc/passwd.txt');
    assert.match(textFileFor('https://x.test/search?q=1'), /^search__[0-9a-f]{8}\.txt$/);
    assert.equal(textFileFor('https://x.test/we ird:name'), 'we_ird_name.txt');
  });

  it('keeps main_page.txt for the main page and unique names for clashing URLs', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'scraper-text-'));
    try {
      const store = new TextStore(dir);
      assert.equal(await store.save('https://x.test/', 'main\n', true), 'main_page.txt');
      assert.equal(await store.save('https://x.test/about', 'one\n', false), 'about.txt');
      assert.equal(await store.save('https://x.test/about.html', 'two\n', false), 'about__2.txt');
      assert.equal(await store.save('https://x.test/blog/', 'Блог\n', false), 'blog/index.txt');
      assert.equal(await readFile(join(dir, 'blog', 'index.txt'), 'utf8'), 'Блог\n');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
