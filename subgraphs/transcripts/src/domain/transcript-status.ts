export enum TranscriptStatus {
  QUEUED = 'QUEUED',
  PROCESSING = 'PROCESSING',
  COMPLETED = 'COMPLETED',
  FAILED = 'FAILED',
}

/** The worker's stages, in the order a run passes them (the contract's `transcript.progress` stages). */
export enum TranscriptStage {
  QUEUED = 'QUEUED',
  DECODING = 'DECODING',
  TRANSCRIBING = 'TRANSCRIBING',
  INDEXING = 'INDEXING',
  COMPLETED = 'COMPLETED',
  FAILED = 'FAILED',
}

const STAGE_ORDER: readonly TranscriptStage[] = [
  TranscriptStage.QUEUED,
  TranscriptStage.DECODING,
  TranscriptStage.TRANSCRIBING,
  TranscriptStage.INDEXING,
  TranscriptStage.COMPLETED,
];

export function isTerminal(status: TranscriptStatus): boolean {
  return status === TranscriptStatus.COMPLETED || status === TranscriptStatus.FAILED;
}

export interface Progress {
  stage: TranscriptStage;
  percent: number;
}

/**
 * Progress only moves forward: a late or redelivered report of an earlier stage or a lower percent
 * changes nothing. Terminal stages come from the run's own outcome (completed or failed), never from
 * a progress report, so a report can lift a run at most to INDEXING.
 */
export function advanceProgress(current: Progress, reported: Progress): Progress {
  const reportedStage =
    reported.stage === TranscriptStage.COMPLETED || reported.stage === TranscriptStage.FAILED
      ? TranscriptStage.INDEXING
      : reported.stage;
  const stage =
    STAGE_ORDER.indexOf(reportedStage) > STAGE_ORDER.indexOf(current.stage) ? reportedStage : current.stage;
  const percent = Math.min(100, Math.max(current.percent, reported.percent));
  return { stage, percent };
}
