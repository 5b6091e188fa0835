import assert from 'node:assert/strict';
import { countWords, joinSegmentTexts, normalizeSegmentText } from './transcript-text.js';

describe('transcript text', () => {
  it('counts words as runs of non-space characters', () => {
    assert.equal(countWords(''), 0);
    assert.equal(countWords('   '), 0);
    assert.equal(countWords("let's ship it, Anna"), 4);
    assert.equal(countWords(' встреча  в\tпятницу\n'), 3);
  });

  it('joins segments one space apart, skipping empty ones', () => {
    assert.equal(
      joinSegmentTexts([{ text: 'hello there' }, { text: '' }, { text: 'general' }]),
      'hello there general',
    );
  });

  it('keeps segment text on one line', () => {
    assert.equal(normalizeSegmentText('  first line\n\nsecond\tline '), 'first line second line');
  });
});
