import type { EntityManager } from '@mikro-orm/postgresql';
import { LockMode } from '@mikro-orm/core';
import { MeetingAccessEntity } from './meeting-access.entity.js';

/** The copy of meeting visibility, written only from `meeting.*` state events. */
export class MeetingAccessRepository {
  constructor(private readonly em: EntityManager) {}

  findByMeetingId(meetingId: string): Promise<MeetingAccessEntity | null> {
    return this.em.findOne(MeetingAccessEntity, { meetingId });
  }

  findByMeetingIds(meetingIds: readonly string[]): Promise<MeetingAccessEntity[]> {
    return this.em.find(MeetingAccessEntity, { meetingId: { $in: [...meetingIds] } });
  }

  /** Inside a transaction: the row locked, so concurrent events of one meeting apply one after another. */
  async findForUpdate(meetingId: string): Promise<MeetingAccessEntity | null> {
    // Insert-if-missing first, so even the first two events of a meeting serialise on a row lock.
    await this.em.execute(
      `insert into meeting_access (meeting_id, owner_id, version, updated_at) values (?, '', 0, now())
        on conflict (meeting_id) do nothing`,
      [meetingId],
    );
    return this.em.findOne(MeetingAccessEntity, { meetingId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  }
}
