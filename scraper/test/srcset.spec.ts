import assert from 'node:assert/strict';
import { cssImageUrls } from '../src/extract/css-urls.js';
import { chooseBestCandidate, parseSrcset } from '../src/extract/srcset.js';

describe('srcset', () => {
  it('parses width and density descriptors, and URLs that contain commas', () => {
    assert.deepEqual(parseSrcset('a.jpg 400w, /b,c.jpg 800w,d.jpg 2x, e.jpg'), [
      { url: 'a.jpg', width: 400 },
      { url: '/b,c.jpg', width: 800 },
      { url: 'd.jpg', density: 2 },
      { url: 'e.jpg', density: 1 },
    ]);
    assert.deepEqual(parseSrcset('  '), []);
  });

  it('chooses the widest w candidate', () => {
    assert.equal(chooseBestCandidate('s.jpg 400w, xl.jpg 1600w, m.jpg 800w', 'src.jpg'), 'xl.jpg');
  });

  it('chooses the densest x candidate, counting src as 1x', () => {
    assert.equal(chooseBestCandidate('a.jpg 1.5x, b.jpg 3x, c.jpg 2x'), 'b.jpg');
    assert.equal(chooseBestCandidate('hi.jpg 0.5x', 'src.jpg'), 'src.jpg');
    assert.equal(chooseBestCandidate('only.jpg'), 'only.jpg');
    assert.equal(chooseBestCandidate('', 'src.jpg'), 'src.jpg');
    assert.equal(chooseBestCandidate(''), undefined);
  });
});

describe('cssImageUrls', () => {
  it('finds quoted, unquoted and escaped url() values and skips gradients', () => {
    assert.deepEqual(
      cssImageUrls('linear-gradient(red, blue), url("a b.png"), url(c.png), url(\'d\\).png\')'),
      ['a b.png', 'c.png', 'd).png'],
    );
    assert.deepEqual(cssImageUrls('none'), []);
    assert.deepEqual(cssImageUrls('linear-gradient(red, blue)'), []);
  });

  it('keeps the highest-resolution option of image-set()', () => {
    assert.deepEqual(cssImageUrls('image-set(url("lo.png") 1x, url("hi.png") 2x)'), ['hi.png']);
    assert.deepEqual(cssImageUrls('-webkit-image-set("a.png" 1x, "b.png" 3x), url(z.png)'), [
      'b.png',
      'z.png',
    ]);
    assert.deepEqual(cssImageUrls('image-set(url(x.avif) type("image/avif"), url(y.png))'), ['x.avif']);
  });

  it('keeps data: URLs intact', () => {
    const svg = "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg'/%3E";
    assert.deepEqual(cssImageUrls(`url("${svg}")`), [svg]);
  });
});
