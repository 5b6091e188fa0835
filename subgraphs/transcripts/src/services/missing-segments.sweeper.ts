import { missingSegmentsReason } from '../domain/completion.js';
import type { TranscriptRepository } from '../repositories/transcript.repository.js';
import { completeIfAllSegmentsStored } from './run-completion.js';
import { failRun } from './run-failure.js';

/**
 * Ends the wait of runs the worker reported complete whose segments never all arrived: they fail
 * with a reason naming the missing segments, and `transcript.failed` tells the meeting.
 */
export class MissingSegmentsSweeper {
  constructor(
    private readonly transcripts: TranscriptRepository,
    private readonly timeoutMs: number,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** @returns how many runs failed (or completed, if their last segment just came). */
  async sweep(batchSize = 50): Promise<{ failed: number; completed: number }> {
    const now = this.clock();
    return this.transcripts.inTransaction(async (tx) => {
      const stalled = await tx.findAwaitingSegmentsForUpdate(
        new Date(now.getTime() - this.timeoutMs),
        batchSize,
      );
      let failed = 0;
      let completed = 0;
      for (const run of stalled) {
        if (await completeIfAllSegmentsStored(tx, run, now)) {
          completed += 1;
          continue;
        }
        const reported = run.reportedSegmentCount ?? 0;
        const reason = missingSegmentsReason(
          reported,
          await tx.segments.missingBelow(run.id, reported, run.reportedAttempt),
        );
        if (failRun(tx, run, reason)) failed += 1;
      }
      return { failed, completed };
    });
  }
}
