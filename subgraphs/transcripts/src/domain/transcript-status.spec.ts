import assert from 'node:assert/strict';
import { TranscriptStage, advanceProgress } from './transcript-status.js';

describe('transcript progress', () => {
  const at = (stage: TranscriptStage, percent: number) => ({ stage, percent });

  it('moves forward in stage and percent', () => {
    assert.deepEqual(
      advanceProgress(at(TranscriptStage.QUEUED, 0), at(TranscriptStage.TRANSCRIBING, 40)),
      at(TranscriptStage.TRANSCRIBING, 40),
    );
  });

  it('ignores a late report of an earlier stage or a lower percent', () => {
    assert.deepEqual(
      advanceProgress(at(TranscriptStage.TRANSCRIBING, 60), at(TranscriptStage.DECODING, 10)),
      at(TranscriptStage.TRANSCRIBING, 60),
    );
    assert.deepEqual(
      advanceProgress(at(TranscriptStage.TRANSCRIBING, 60), at(TranscriptStage.TRANSCRIBING, 55)),
      at(TranscriptStage.TRANSCRIBING, 60),
    );
  });

  it('never reaches a terminal stage from a progress report: the outcome events decide', () => {
    assert.deepEqual(
      advanceProgress(at(TranscriptStage.TRANSCRIBING, 90), at(TranscriptStage.COMPLETED, 100)),
      at(TranscriptStage.INDEXING, 100),
    );
    assert.equal(
      advanceProgress(at(TranscriptStage.DECODING, 5), at(TranscriptStage.FAILED, 5)).stage,
      TranscriptStage.INDEXING,
    );
  });
});
