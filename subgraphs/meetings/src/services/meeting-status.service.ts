import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { EventEnvelope } from '@mymeet/contracts';
import { consumeOnce } from '@mymeet/database';
import { stateAfterEvent, type PipelineEvent } from '../domain/meeting-status.js';
import { MeetingEntity } from '../entities/meeting.entity.js';

/** Moves meetings through their lifecycle as the pipeline reports progress; each event applies once. */
export class MeetingStatusService {
  constructor(private readonly em: EntityManager) {}

  /** @returns false when the event had been applied before. */
  async apply(event: EventEnvelope): Promise<boolean> {
    return consumeOnce(this.em, event, async (tx) => {
      // The row lock serialises events of one meeting across consumers and instances.
      const meeting = await tx.findOne(
        MeetingEntity,
        { id: event.meetingId },
        { lockMode: LockMode.PESSIMISTIC_WRITE },
      );
      if (!meeting) return; // Deleted meanwhile: nothing to move.
      const next = stateAfterEvent(meeting, event as PipelineEvent);
      if (!next) return;
      meeting.status = next.status;
      meeting.failureReason = next.failureReason;
      meeting.currentTranscriptId = next.currentTranscriptId;
      meeting.currentReportId = next.currentReportId;
      meeting.updatedAt = new Date();
    });
  }
}
