import type { EntityManager } from '@mikro-orm/postgresql';
import type { EventEnvelope } from '@mymeet/contracts';
import { consumeOnce } from '@mymeet/database';
import { statusAfterEvent } from '../domain/meeting-status.js';
import { MeetingEntity } from '../entities/meeting.entity.js';

/** Moves meetings through their lifecycle as the pipeline reports progress; each event applies once. */
export class MeetingStatusService {
  constructor(private readonly em: EntityManager) {}

  /** @returns false when the event had been applied before. */
  async apply(event: EventEnvelope): Promise<boolean> {
    return consumeOnce(this.em, event, async (tx) => {
      const meeting = await tx.findOne(MeetingEntity, { id: event.meetingId });
      if (!meeting) return; // Deleted meanwhile: nothing to move.
      const reason = 'reason' in event.payload ? String(event.payload.reason) : undefined;
      const change = statusAfterEvent(meeting.status, event.kind, reason);
      if (!change) return;
      meeting.status = change.status;
      meeting.failureReason = change.failureReason;
      meeting.updatedAt = new Date();
    });
  }
}
