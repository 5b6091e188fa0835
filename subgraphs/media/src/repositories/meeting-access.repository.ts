import type { EntityManager } from '@mikro-orm/postgresql';
import { MeetingAccessEntity } from '../entities/meeting-access.entity.js';

/** Media's copy of meeting visibility, written only from `meeting.*` events. */
export class MeetingAccessRepository {
  constructor(private readonly em: EntityManager) {}

  findByMeetingId(meetingId: string): Promise<MeetingAccessEntity | null> {
    return this.em.findOne(MeetingAccessEntity, { meetingId });
  }

  findByMeetingIds(meetingIds: readonly string[]): Promise<MeetingAccessEntity[]> {
    return this.em.find(MeetingAccessEntity, { meetingId: { $in: [...meetingIds] } });
  }

  add(access: MeetingAccessEntity): void {
    this.em.persist(access);
  }
}
