import type { AuthenticatedUser } from '@mymeet/auth';
import { parseSpeakerNaming } from '../domain/speaker-naming.js';
import { talkTimeBySpeaker, type SpeakerTalkTime } from '../domain/talk-time.js';
import { TranscriptError, TranscriptErrorCode } from '../domain/transcript-error.js';
import { TranscriptStatus } from '../domain/transcript-status.js';
import type { TranscriptRepository } from '../repositories/transcript.repository.js';
import type { MeetingAccessPort } from './meeting-access.port.js';
import { isUuid } from './transcript-read.service.js';

export interface NamedSpeaker extends SpeakerTalkTime {
  name: string;
  email: string | null;
}

/**
 * The owner puts a name (and optionally a participant's e-mail) on a voice: every segment of that
 * speaker then shows the name, so exports, search and reports follow; a later run of the meeting
 * keeps the name where the voice matches.
 */
export class SpeakerNamingService {
  constructor(
    private readonly transcripts: TranscriptRepository,
    private readonly access: Pick<MeetingAccessPort, 'requireOwner'>,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async name(
    user: AuthenticatedUser,
    transcriptId: string,
    label: string,
    name: string,
    email: string | null,
  ): Promise<NamedSpeaker> {
    const naming = parseSpeakerNaming(label, name, email);
    const found = isUuid(transcriptId) ? await this.transcripts.findById(transcriptId) : null;
    if (!found) throw TranscriptError.transcriptNotFound();
    await this.access.requireOwner(user, found.meetingId, 'name its speakers');
    return this.transcripts.inTransaction(async (tx) => {
      const run = await tx.lock(transcriptId);
      if (!run) throw TranscriptError.transcriptNotFound();
      if (run.status !== TranscriptStatus.COMPLETED) {
        throw new TranscriptError(
          TranscriptErrorCode.TRANSCRIPT_NOT_COMPLETED,
          'The transcript is still being made; name its speakers once it is COMPLETED',
          { field: 'transcriptId', reason: TranscriptErrorCode.TRANSCRIPT_NOT_COMPLETED },
        );
      }
      if (!(await tx.speakers.hasLabel(transcriptId, naming.label))) {
        throw TranscriptError.invalidInput('label', `The transcript has no speaker ${naming.label}`);
      }
      await tx.speakers.name(transcriptId, naming.label, {
        name: naming.name,
        email: naming.email,
        by: user.sub,
        at: this.clock(),
      });
      // Search re-reads the run's segments through the outbox, like every other change it indexes.
      tx.stageEvent('transcript.speaker_named', run.meetingId, { transcriptId, label: naming.label });
      const stats = talkTimeBySpeaker(await tx.segments.findAll([transcriptId])).find(
        (speaker) => speaker.label === naming.label,
      );
      return {
        label: naming.label,
        name: naming.name,
        email: naming.email,
        talkTimeMs: stats?.talkTimeMs ?? 0,
        share: stats?.share ?? 0,
        turns: stats?.turns ?? 0,
      };
    });
  }
}
