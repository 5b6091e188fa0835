import assert from 'node:assert/strict';
import { MARK_END, MARK_START, rangesOf, renderHighlight } from './search-highlight.js';

const marked = (text: string) => text.replaceAll('[', MARK_START).replaceAll(']', MARK_END);

describe('search highlights', () => {
  it('reads marked ranges, nested or repeated marks included', () => {
    assert.deepEqual(rangesOf(marked('a [b] [[c]] d')), {
      text: 'a b c d',
      ranges: [
        { start: 2, end: 3 },
        { start: 4, end: 5 },
      ],
    });
  });

  it('escapes the text and merges overlapping ranges from several analyses', () => {
    const text = 'Fish & <chips> meeting';
    const html = renderHighlight(text, [
      { start: 15, end: 22 },
      { start: 15, end: 19 },
      { start: 0, end: 4 },
    ]);
    assert.equal(html, '<mark>Fish</mark> &amp; &lt;chips&gt; <mark>meeting</mark>');
  });

  it('cuts a long text around the first match at word boundaries, never inside a mark', () => {
    const words = Array.from({ length: 100 }, (_, i) => `word${i}`);
    const text = words.join(' ');
    const start = text.indexOf('word70');
    const html = renderHighlight(text, [{ start, end: start + 'word70'.length }], 60);
    assert.ok(html.startsWith('…word') && html.endsWith('…'), html);
    assert.ok(html.includes('<mark>word70</mark>'), html);
    assert.ok(html.length < 120, html);
  });
});
