import assert from 'node:assert/strict';
import { TranscriptError } from '../domain/transcript-error.js';
import { parseSearchQuery } from './search-query.js';

function fieldOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    assert.ok(error instanceof TranscriptError);
    assert.equal(error.publicCode, 'BAD_USER_INPUT');
    return (error.details as { field?: string }).field;
  }
  assert.fail('expected BAD_USER_INPUT');
}

describe('parseSearchQuery', () => {
  it('keeps whole words, and the last word as a prefix while it is being typed', () => {
    assert.deepEqual(parseSearchQuery('Budget meet'), { words: ['budget'], phrases: [], prefix: 'meet' });
    assert.deepEqual(parseSearchQuery('budget meet '), {
      words: ['budget', 'meet'],
      phrases: [],
      prefix: null,
    });
  });

  it('makes phrases of quoted words, even with typographic quotes or an unclosed one', () => {
    assert.deepEqual(parseSearchQuery('"quarterly budget" review'), {
      words: [],
      phrases: ['quarterly budget'],
      prefix: 'review',
    });
    assert.deepEqual(parseSearchQuery('«новая встреча»'), {
      words: [],
      phrases: ['новая встреча'],
      prefix: null,
    });
    assert.deepEqual(parseSearchQuery('plan "next steps'), {
      words: ['plan'],
      phrases: ['next steps'],
      prefix: null,
    });
    // A one-word "phrase" is just a word, and not a prefix: the quote closed it.
    assert.deepEqual(parseSearchQuery('"budget"'), { words: ['budget'], phrases: [], prefix: null });
  });

  it('drops engine operators and punctuation, so nothing but words reaches an engine', () => {
    assert.deepEqual(parseSearchQuery("a & b | !c:* 'd' <-> (e)"), {
      words: ['a', 'b', 'c', 'd', 'e'],
      phrases: [],
      prefix: null,
    });
    assert.deepEqual(parseSearchQuery('x'), { words: ['x'], phrases: [], prefix: null });
  });

  it('refuses an empty, too long or too wordy query on the query field', () => {
    assert.equal(
      fieldOf(() => parseSearchQuery('  ?! ')),
      'query',
    );
    assert.equal(
      fieldOf(() => parseSearchQuery('a'.repeat(301))),
      'query',
    );
    assert.equal(
      fieldOf(() => parseSearchQuery(Array.from({ length: 13 }, (_, i) => `w${i}`).join(' '))),
      'query',
    );
  });
});
