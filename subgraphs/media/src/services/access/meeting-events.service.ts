import type { EntityManager } from '@mikro-orm/postgresql';
import type { EventEnvelope } from '@mymeet/contracts';
import { consumeOnce } from '@mymeet/database';
import { MeetingAccessEntity } from '../../entities/meeting-access.entity.js';
import { MediaAssetRepository } from '../../repositories/media-asset.repository.js';
import { MeetingAccessRepository } from '../../repositories/meeting-access.repository.js';
import type { ObjectStoragePort } from '../../storage/object-storage.port.js';
import { meetingObjectPrefix } from '../../domain/object-keys.js';

/** Keeps media's copy of meeting visibility from `meeting.*` events; a deleted meeting takes its media along. */
export class MeetingEventsService {
  constructor(
    private readonly em: EntityManager,
    private readonly storage: ObjectStoragePort,
  ) {}

  /** @returns false when the event had been applied before. */
  async apply(event: EventEnvelope): Promise<boolean> {
    if (!MEETING_EVENT_KINDS.includes(event.kind)) return false;
    if (event.kind === 'meeting.deleted') {
      // Objects first: if this fails the event is redelivered, whereas rows deleted first would leave orphans.
      await this.storage.deletePrefix(meetingObjectPrefix(event.meetingId));
    }
    return consumeOnce(this.em, event, async (tx) => {
      const meetings = new MeetingAccessRepository(tx);
      const occurredAt = new Date(event.occurredAt);
      let access = await meetings.findByMeetingId(event.meetingId);
      if (!access) {
        access = Object.assign(new MeetingAccessEntity(), {
          meetingId: event.meetingId,
          eventAt: new Date(0),
        });
        meetings.add(access);
      }
      if (event.kind === 'meeting.deleted') {
        access.ownerId = (event.payload as EventEnvelope<'meeting.deleted'>['payload']).ownerId;
        access.deleted = true;
        access.participantEmails = [];
        access.eventAt = occurredAt;
        await new MediaAssetRepository(tx).deleteByMeeting(event.meetingId);
        return;
      }
      // One consumer sees all three kinds in order, but a retried message can overtake a newer one.
      if (access.deleted || occurredAt < access.eventAt) return;
      const payload = event.payload as EventEnvelope<'meeting.created'>['payload'];
      access.ownerId = payload.ownerId;
      access.participantEmails = payload.participantEmails.map((email) => email.toLowerCase());
      access.language = payload.language ?? null;
      access.eventAt = occurredAt;
    });
  }
}

const MEETING_EVENT_KINDS: readonly string[] = ['meeting.created', 'meeting.updated', 'meeting.deleted'];
