/** What every export format is built from: the run and its segments in index order. */
export interface ExportTranscript {
  id: string;
  meetingId: string;
  status: string;
  language: string | null;
  engine: string;
  durationSeconds: number | null;
  completedAt: Date | null;
}

export interface ExportSegment {
  index: number;
  startMs: number;
  endMs: number;
  speaker: string | null;
  text: string;
  rawText: string;
  edited: boolean;
  confidence: number | null;
}

/**
 * Cues in time order with a positive length: subtitle players and validators reject a cue that ends
 * where it starts or starts before the previous one.
 */
export function cues(segments: readonly ExportSegment[]): ExportSegment[] {
  return segments
    .filter((segment) => segment.text !== '')
    .map((segment) => ({ ...segment, endMs: Math.max(segment.endMs, segment.startMs + 1) }))
    .sort((a, b) => a.startMs - b.startMs || a.index - b.index);
}
