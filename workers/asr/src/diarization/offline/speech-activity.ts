export interface SpeechActivityOptions {
  /** Frames quieter than this (dBFS) are never speech. */
  floorDb: number;
  /**
   * How far above the recording's noise floor (its quietest tenth) speech must be, as a share of
   * the distance from that floor to the loud speech (its loudest twentieth), within bounds: a quiet
   * room leaves a wide margin, a noisy one a narrow one.
   */
  marginShare: number;
  minMarginDb: number;
  maxMarginDb: number;
  /** Pauses shorter than this inside speech stay speech (the gaps between words). */
  bridgeFrames: number;
  /** Bursts shorter than this are noise (a click, a cough). */
  minSpeechFrames: number;
}

export const DEFAULT_SPEECH_ACTIVITY: SpeechActivityOptions = {
  floorDb: -60,
  marginShare: 0.3,
  minMarginDb: 4,
  maxMarginDb: 10,
  bridgeFrames: 30,
  minSpeechFrames: 10,
};

/** A run of speech frames, [start, end). */
export interface FrameSpan {
  start: number;
  end: number;
}

/**
 * Speech regions from frame levels against the recording's own noise floor, so a steady hum or a
 * room's hiss is silence. Energy alone cannot tell speech from loud music or a door slam: those
 * become speech of whoever they sound most like.
 */
export function detectSpeech(
  levelDb: Float32Array,
  options: SpeechActivityOptions = DEFAULT_SPEECH_ACTIVITY,
): FrameSpan[] {
  if (levelDb.length === 0) return [];
  const sorted = Float32Array.from(levelDb).sort();
  const noiseFloor = sorted[Math.floor(sorted.length * 0.1)]!;
  const loud = sorted[Math.floor(sorted.length * 0.95)]!;
  const margin = Math.min(
    options.maxMarginDb,
    Math.max(options.minMarginDb, (loud - noiseFloor) * options.marginShare),
  );
  const threshold = Math.max(options.floorDb, noiseFloor + margin);
  const spans: FrameSpan[] = [];
  let start = -1;
  for (let i = 0; i <= levelDb.length; i++) {
    const voiced = i < levelDb.length && levelDb[i]! >= threshold;
    if (voiced && start < 0) start = i;
    if (!voiced && start >= 0) {
      const previous = spans.at(-1);
      if (previous && start - previous.end < options.bridgeFrames) previous.end = i;
      else spans.push({ start, end: i });
      start = -1;
    }
  }
  return spans.filter((span) => span.end - span.start >= options.minSpeechFrames);
}
