import assert from 'node:assert/strict';
import { ProgressTracker } from './progress-tracker.js';

describe('ProgressTracker', () => {
  it('maps decoding to the first tenth and transcription to the rest, in whole steps', () => {
    const progress = new ProgressTracker();
    assert.deepEqual(progress.advance('DECODING', 0), { stage: 'DECODING', percent: 0 });
    assert.equal(progress.advance('DECODING', 0.01), undefined);
    assert.deepEqual(progress.advance('DECODING', 1), { stage: 'DECODING', percent: 10 });
    assert.deepEqual(progress.advance('TRANSCRIBING', 0), { stage: 'TRANSCRIBING', percent: 10 });
    assert.deepEqual(progress.advance('TRANSCRIBING', 1), { stage: 'TRANSCRIBING', percent: 99 });
  });

  it('never goes back, neither in percent nor in stage', () => {
    const progress = new ProgressTracker();
    progress.advance('TRANSCRIBING', 0.5);
    assert.equal(progress.advance('TRANSCRIBING', 0.2), undefined);
    assert.equal(progress.advance('DECODING', 1), undefined);
  });

  it('starts from the floor an earlier attempt reached', () => {
    const progress = new ProgressTracker(40);
    assert.deepEqual(progress.advance('DECODING', 0), { stage: 'DECODING', percent: 40 });
    assert.equal(progress.advance('DECODING', 1), undefined);
    assert.deepEqual(progress.advance('TRANSCRIBING', 0), { stage: 'TRANSCRIBING', percent: 40 });
    assert.deepEqual(progress.advance('TRANSCRIBING', 0.5), { stage: 'TRANSCRIBING', percent: 54 });
  });
});
