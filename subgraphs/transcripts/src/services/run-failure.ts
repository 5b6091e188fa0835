import { TranscriptStage, TranscriptStatus, isTerminal } from '../domain/transcript-status.js';
import type { TranscriptEntity } from '../entities/transcript.entity.js';
import type { TranscriptRepository } from '../repositories/transcript.repository.js';

/**
 * Fails a run this service gave up on (not the worker): the reason is stored and `transcript.failed`
 * staged so the meeting shows it too. A sealed run stays as it is. Call with the run locked.
 * @returns whether the run is now FAILED because of this call.
 */
export function failRun(transcripts: TranscriptRepository, run: TranscriptEntity, reason: string): boolean {
  if (isTerminal(run.status)) return false;
  run.status = TranscriptStatus.FAILED;
  run.stage = TranscriptStage.FAILED;
  run.failureReason = reason;
  transcripts.stageEvent('transcript.failed', run.meetingId, { transcriptId: run.id, reason });
  return true;
}
