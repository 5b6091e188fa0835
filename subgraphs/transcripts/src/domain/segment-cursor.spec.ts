import assert from 'node:assert/strict';
import { decodeSegmentCursor, encodeSegmentCursor, segmentPageSize } from './segment-cursor.js';
import { TranscriptError } from './transcript-error.js';

describe('segment cursors and page sizes', () => {
  it('round-trips an index', () => {
    assert.equal(decodeSegmentCursor(encodeSegmentCursor(0)), 0);
    assert.equal(decodeSegmentCursor(encodeSegmentCursor(4321)), 4321);
  });

  it('refuses a cursor it did not make, naming the field', () => {
    for (const bad of [
      '',
      'abc',
      Buffer.from('segment:-1').toString('base64url'),
      Buffer.from('meeting:3').toString('base64url'),
    ]) {
      assert.throws(
        () => decodeSegmentCursor(bad),
        (error: unknown) =>
          error instanceof TranscriptError &&
          error.publicCode === 'BAD_USER_INPUT' &&
          error.details.field === 'after',
      );
    }
  });

  it('defaults to 100 and refuses sizes outside 0..1000', () => {
    assert.equal(segmentPageSize(undefined), 100);
    assert.equal(segmentPageSize(0), 0);
    assert.equal(segmentPageSize(1000), 1000);
    for (const bad of [-1, 1001]) {
      assert.throws(
        () => segmentPageSize(bad),
        (error: unknown) => error instanceof TranscriptError && error.details.field === 'first',
      );
    }
  });
});
