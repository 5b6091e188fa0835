import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { TranscriptError } from '../domain/transcript-error.js';
import { decodeSearchCursor, encodeSearchCursor, searchScope } from './search-cursor.js';

describe('search cursors', () => {
  const scope = searchScope('["budget"]');
  const position = { score: 0.0607927, transcriptId: randomUUID(), index: -1 };

  it('round-trips a position exactly, float score included', () => {
    assert.deepEqual(decodeSearchCursor(scope, encodeSearchCursor(scope, position)), position);
  });

  it('refuses a cursor of another search, or garbage, on `after`', () => {
    for (const cursor of [encodeSearchCursor(searchScope('["other"]'), position), 'garbage', '']) {
      assert.throws(
        () => decodeSearchCursor(scope, cursor),
        (error: unknown) => error instanceof TranscriptError && error.details.field === 'after',
      );
    }
  });
});
