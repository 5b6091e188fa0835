import assert from 'node:assert/strict';
import { currentRun } from './current-run.js';
import { TranscriptStatus } from './transcript-status.js';

describe('the run a meeting shows', () => {
  const run = (name: string, status: TranscriptStatus, minute: number) => ({
    name,
    status,
    createdAt: new Date(Date.UTC(2026, 0, 1, 10, minute)),
  });

  it('is the newest completed run while a newer one is still running', () => {
    const runs = [run('first', TranscriptStatus.COMPLETED, 0), run('redo', TranscriptStatus.PROCESSING, 5)];
    assert.equal(currentRun(runs)?.name, 'first');
  });

  it('switches to the retranscription once it completes', () => {
    const runs = [run('first', TranscriptStatus.COMPLETED, 0), run('redo', TranscriptStatus.COMPLETED, 5)];
    assert.equal(currentRun(runs)?.name, 'redo');
  });

  it('keeps the completed run when the retranscription fails', () => {
    const runs = [run('first', TranscriptStatus.COMPLETED, 0), run('redo', TranscriptStatus.FAILED, 5)];
    assert.equal(currentRun(runs)?.name, 'first');
  });

  it('shows the running run before any completed, else the newest failed one', () => {
    assert.equal(
      currentRun([run('old', TranscriptStatus.FAILED, 0), run('now', TranscriptStatus.QUEUED, 1)])?.name,
      'now',
    );
    assert.equal(
      currentRun([run('a', TranscriptStatus.FAILED, 0), run('b', TranscriptStatus.FAILED, 1)])?.name,
      'b',
    );
    assert.equal(currentRun([]), null);
  });
});
