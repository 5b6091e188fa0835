import type { ExportSegment, ExportTranscript } from './export-input.js';
import { joinSegmentTexts } from '../transcript-text.js';

/** The whole run as data: metadata, the joined text and every segment with its raw and edited text. */
export function toJson(transcript: ExportTranscript, segments: readonly ExportSegment[]): string {
  const document = {
    id: transcript.id,
    meetingId: transcript.meetingId,
    status: transcript.status,
    language: transcript.language,
    engine: transcript.engine,
    durationSeconds: transcript.durationSeconds,
    completedAt: transcript.completedAt?.toISOString() ?? null,
    text: joinSegmentTexts(segments),
    segments: segments.map((segment) => ({
      index: segment.index,
      startMs: segment.startMs,
      endMs: segment.endMs,
      speaker: segment.speaker,
      text: segment.text,
      rawText: segment.rawText,
      edited: segment.edited,
      confidence: segment.confidence,
    })),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
