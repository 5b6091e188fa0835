import type { ExportSegment } from '../domain/exports/export-input.js';
import type { SegmentRecord } from '../repositories/segment.repository.js';
import type { TranscriptEntity } from '../entities/transcript.entity.js';
import type { TranscriptSegment } from './transcript-segment.type.js';
import type { Transcript } from './transcript.type.js';

export function toTranscript(run: TranscriptEntity): Transcript {
  return {
    id: run.id,
    meetingId: run.meetingId,
    mediaId: run.mediaId,
    status: run.status,
    stage: run.stage,
    percent: run.percent,
    language: run.language,
    engine: run.engine ?? '',
    durationSeconds: run.durationSeconds,
    wordCount: run.wordCount,
    segmentCount: run.segmentCount,
    failureReason: run.failureReason,
    createdAt: run.createdAt,
    completedAt: run.completedAt,
  };
}

export function toSegment(segment: SegmentRecord): TranscriptSegment & ExportSegment {
  return {
    transcriptId: segment.transcriptId,
    index: segment.index,
    startMs: segment.startMs,
    endMs: segment.endMs,
    speaker: segment.speaker,
    speakerLabel: segment.speakerLabel,
    text: segment.text,
    confidence: segment.confidence,
    rawText: segment.rawText,
    edited: segment.edited,
  };
}
