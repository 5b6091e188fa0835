import { isCompleteSet } from '../domain/completion.js';
import { TranscriptStage, TranscriptStatus } from '../domain/transcript-status.js';
import { countWords } from '../domain/transcript-text.js';
import type { TranscriptEntity } from '../entities/transcript.entity.js';
import type { TranscriptRepository } from '../repositories/transcript.repository.js';
import { carrySpeakerNames } from './speaker-carry-over.js';

/**
 * Seals a run the worker reported complete once every segment the reporting job attempt announced
 * is stored in that attempt's version or a later one's (a later attempt's own completion may never
 * come: it can share the first one's event id and be dropped as a duplicate). Segments an earlier
 * attempt left past the reported count go, the word count is taken, and `transcript.ready` is
 * staged. Call with the run locked.
 * @returns whether the run is now COMPLETED.
 */
export async function completeIfAllSegmentsStored(
  transcripts: TranscriptRepository,
  run: TranscriptEntity,
  now: Date,
): Promise<boolean> {
  const reported = run.reportedSegmentCount;
  if (reported === null || run.status !== TranscriptStatus.PROCESSING) return false;
  const segments = transcripts.segments;
  const stored = await segments.countBelow(run.id, reported, run.reportedAttempt);
  if (!isCompleteSet(reported, stored)) return false;
  await segments.deleteFrom(run.id, reported);
  await carrySpeakerNames(transcripts, run, now);
  const kept = await segments.findAll([run.id]);
  run.status = TranscriptStatus.COMPLETED;
  run.stage = TranscriptStage.COMPLETED;
  run.percent = 100;
  run.segmentCount = kept.length;
  run.wordCount = kept.reduce((sum, segment) => sum + countWords(segment.text), 0);
  run.completedAt = now;
  transcripts.stageEvent('transcript.ready', run.meetingId, {
    transcriptId: run.id,
    segmentCount: run.segmentCount,
    wordCount: run.wordCount,
  });
  return true;
}
