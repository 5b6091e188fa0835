export type ProgressStage = 'DECODING' | 'TRANSCRIBING';

export interface ProgressUpdate {
  stage: ProgressStage;
  percent: number;
}

/** Share of the bar decoding takes; transcription fills the rest. */
const DECODING_SHARE = 10;

/**
 * Turns stage fractions into one percent that only grows (also across a redelivered attempt, which
 * starts from the floor the previous attempt reached), and reports only whole-percent steps.
 */
export class ProgressTracker {
  private last: ProgressUpdate | undefined;

  constructor(private floor = 0) {}

  /** The update to publish for a stage fraction in 0..1, or undefined when nothing visible changed. */
  advance(stage: ProgressStage, fraction: number): ProgressUpdate | undefined {
    const bounded = Math.min(1, Math.max(0, fraction));
    const raw =
      stage === 'DECODING' ? bounded * DECODING_SHARE : DECODING_SHARE + bounded * (99 - DECODING_SHARE);
    const percent = Math.max(this.floor, Math.floor(raw));
    const stageOrder = (s: ProgressStage) => (s === 'DECODING' ? 0 : 1);
    const effectiveStage =
      this.last && stageOrder(this.last.stage) > stageOrder(stage) ? this.last.stage : stage;
    if (this.last && percent <= this.last.percent && effectiveStage === this.last.stage) return undefined;
    this.floor = percent;
    this.last = { stage: effectiveStage, percent };
    return this.last;
  }
}
