import { TranscriptStatus } from './transcript-status.js';

interface Run {
  status: TranscriptStatus;
  createdAt: Date;
}

/**
 * The run `Meeting.transcript` shows: the newest completed one (a retranscription keeps the older
 * run, with its edits, until it completes itself), else the newest still running, else the newest
 * failed one so its reason stays visible.
 */
export function currentRun<T extends Run>(runs: readonly T[]): T | null {
  const newestFirst = [...runs].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  return (
    newestFirst.find((run) => run.status === TranscriptStatus.COMPLETED) ??
    newestFirst.find(
      (run) => run.status === TranscriptStatus.QUEUED || run.status === TranscriptStatus.PROCESSING,
    ) ??
    newestFirst[0] ??
    null
  );
}
