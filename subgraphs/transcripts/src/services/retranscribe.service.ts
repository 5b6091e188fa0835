import { randomUUID } from 'node:crypto';
import type { AuthenticatedUser } from '@mymeet/auth';
import { maxSpeakersFor } from '@mymeet/contracts';
import { parseLanguage } from '../domain/language.js';
import { TranscriptError, TranscriptErrorCode } from '../domain/transcript-error.js';
import { isTerminal } from '../domain/transcript-status.js';
import { TranscriptEntity } from '../entities/transcript.entity.js';
import type { TranscriptRepository } from '../repositories/transcript.repository.js';
import type { MeetingAccessPort } from './meeting-access.port.js';
import { isUuid } from './transcript-read.service.js';

/**
 * A new run of the meeting's newest recording. The runs before it stay (with their edits) and keep
 * showing as `Meeting.transcript` until this one completes.
 */
export class RetranscribeService {
  constructor(
    private readonly transcripts: TranscriptRepository,
    private readonly access: Pick<MeetingAccessPort, 'requireOwner'>,
  ) {}

  async retranscribe(
    user: AuthenticatedUser,
    meetingId: string,
    language: string | null | undefined,
  ): Promise<TranscriptEntity> {
    const requested = parseLanguage(language);
    if (!isUuid(meetingId)) throw TranscriptError.meetingNotFound();
    const meeting = await this.access.requireOwner(user, meetingId, 'retranscribe it');
    const runs = await this.transcripts.findByMeetingIds([meetingId]);
    const newest = runs[0];
    if (!newest) {
      throw new TranscriptError(
        TranscriptErrorCode.NO_RECORDING,
        'The meeting has no recording to transcribe yet: upload one first',
        { field: 'meetingId', reason: TranscriptErrorCode.NO_RECORDING },
      );
    }
    const effectiveLanguage = requested ?? meeting.language ?? newest.requestedLanguage;
    // Asking twice while a run of the same recording and language is under way queues nothing more.
    const running = runs.find(
      (run) =>
        !isTerminal(run.status) &&
        run.mediaId === newest.mediaId &&
        run.requestedLanguage === effectiveLanguage,
    );
    if (running) return running;
    const maxSpeakers = maxSpeakersFor(meeting.participantCount);
    return this.transcripts.inTransaction(async (tx) => {
      const run = Object.assign(new TranscriptEntity(), {
        id: randomUUID(),
        meetingId,
        mediaId: newest.mediaId,
        objectKey: newest.objectKey,
        requestedLanguage: effectiveLanguage,
        language: effectiveLanguage,
        durationSeconds: newest.durationSeconds,
        requestedBy: user.sub,
      });
      tx.add(run);
      tx.stageJob(
        'asr',
        {
          transcriptId: run.id,
          meetingId,
          mediaId: run.mediaId,
          objectKey: run.objectKey,
          language: effectiveLanguage,
          ...(maxSpeakers ? { maxSpeakers } : {}),
          vocabulary: meeting.vocabulary,
        },
        run.id,
      );
      tx.stageEvent('transcript.queued', meetingId, {
        transcriptId: run.id,
        mediaId: run.mediaId,
        language: effectiveLanguage,
      });
      return run;
    });
  }
}
