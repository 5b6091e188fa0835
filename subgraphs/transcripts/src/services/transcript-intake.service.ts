import type { EntityManager } from '@mikro-orm/postgresql';
import type { EventEnvelope } from '@mymeet/contracts';
import { consumeOnce } from '@mymeet/database';
import { TranscriptEntity } from '../entities/transcript.entity.js';
import { TranscriptRepository } from '../repositories/transcript.repository.js';
import type { MeetingAccessPort } from './meeting-access.port.js';

/** Opens a run (QUEUED) for every recording media announces; media already queued its job. */
export class TranscriptIntakeService {
  constructor(
    private readonly em: EntityManager,
    private readonly access: Pick<MeetingAccessPort, 'isDeleted'>,
  ) {}

  /** @returns false when the event had been applied before. */
  async onMediaReady(event: EventEnvelope<'media.ready'>): Promise<boolean> {
    const { payload } = event;
    return consumeOnce(this.em, event, async (tx) => {
      const transcripts = new TranscriptRepository(tx);
      if (await transcripts.findById(payload.transcriptId)) return;
      // A recording announced just before its meeting was deleted would leave an orphan run.
      if (await this.access.isDeleted(event.meetingId)) return;
      const transcript = Object.assign(new TranscriptEntity(), {
        id: payload.transcriptId,
        meetingId: event.meetingId,
        mediaId: payload.mediaId,
        objectKey: payload.objectKey,
        requestedLanguage: payload.language ?? null,
        language: payload.language ?? null,
        durationSeconds: payload.durationSeconds,
        // The announcement's time, not ours: a consumer replaying history must not reorder runs.
        createdAt: new Date(event.occurredAt),
      });
      transcripts.add(transcript);
      transcripts.stageEvent('transcript.queued', event.meetingId, {
        transcriptId: transcript.id,
        mediaId: transcript.mediaId,
        language: transcript.requestedLanguage,
      });
    });
  }
}
