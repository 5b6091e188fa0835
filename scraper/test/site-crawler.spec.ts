import assert from 'node:assert/strict';
import { sameSiteLinks } from '../src/crawl/same-site-links.js';
import { crawlSite } from '../src/crawl/site-crawler.js';

describe('sameSiteLinks', () => {
  it('keeps same-site page links, canonical and unique', () => {
    const links = [
      'https://site.test/a#top',
      'https://site.test/a',
      '/b',
      'https://www.site.test/c',
      'https://other.test/d',
      'mailto:x@site.test',
      'javascript:void(0)',
      'https://site.test/file.pdf',
      'https://site.test/logo.PNG',
      'http://[bad',
    ];
    assert.deepEqual(sameSiteLinks(links, 'https://site.test/'), [
      'https://site.test/a',
      'https://site.test/b',
      'https://www.site.test/c',
    ]);
  });
});

describe('crawlSite', () => {
  const site: Record<string, string[]> = {
    'https://s.test/': ['https://s.test/a', 'https://s.test/b', 'https://elsewhere.test/'],
    'https://s.test/a': ['https://s.test/', 'https://s.test/a/deep'],
    'https://s.test/b': ['https://s.test/a'],
    'https://s.test/a/deep': ['https://s.test/a/deeper'],
  };
  const crawl = async (maxDepth: number, maxPages = 100) => {
    const visits: Array<[string, number]> = [];
    await crawlSite('https://s.test/', { maxDepth, maxPages }, async (url, depth) => {
      visits.push([url, depth]);
      return { finalUrl: url, links: site[url] ?? [] };
    });
    return visits;
  };

  it('visits breadth-first to the given depth, each page once', async () => {
    assert.deepEqual(await crawl(0), [['https://s.test/', 0]]);
    assert.deepEqual(await crawl(2), [
      ['https://s.test/', 0],
      ['https://s.test/a', 1],
      ['https://s.test/b', 1],
      ['https://s.test/a/deep', 2],
    ]);
  });

  it('stops at the page limit', async () => {
    assert.equal((await crawl(5, 2)).length, 2);
  });

  it('lets a failure on the start page propagate', async () => {
    await assert.rejects(
      crawlSite('https://s.test/', { maxDepth: 1, maxPages: 5 }, async () => {
        throw new Error('down');
      }),
      /down/,
    );
  });
});
