import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import type { AuthenticatedUser } from '@mymeet/auth';
import type { EventKind, EventPayload } from '@mymeet/contracts';
import { stageEvent } from '@mymeet/database';
import type { MeetingCursor } from '../domain/meeting-cursor.js';
import type { MeetingStatus } from '../domain/meeting-status.js';
import { MeetingEntity } from '../entities/meeting.entity.js';

export interface MeetingListFilter {
  statuses?: MeetingStatus[];
  from?: Date;
  to?: Date;
  titleContains?: string;
}

/** The meetings service's only door to its database and outbox. One instance per request or message. */
export class MeetingRepository {
  constructor(
    private readonly em: EntityManager,
    private readonly afterCommit: () => void = () => undefined,
  ) {}

  findById(id: string): Promise<MeetingEntity | null> {
    return this.em.findOne(MeetingEntity, { id }, { populate: ['participants'] });
  }

  async findByIds(ids: readonly string[]): Promise<MeetingEntity[]> {
    return this.em.find(MeetingEntity, { id: { $in: [...ids] } }, { populate: ['participants'] });
  }

  /** Newest first (by meeting time, then id), starting after the cursor; fetches `limit` rows. */
  async listVisibleTo(
    user: AuthenticatedUser,
    filter: MeetingListFilter,
    after: MeetingCursor | undefined,
    limit: number,
  ): Promise<MeetingEntity[]> {
    const conditions: FilterQuery<MeetingEntity>[] = [
      user.email
        ? { $or: [{ ownerId: user.sub }, { participants: { email: user.email } }] }
        : { ownerId: user.sub },
    ];
    if (filter.statuses?.length) conditions.push({ status: { $in: filter.statuses } });
    if (filter.from) conditions.push({ occursAt: { $gte: filter.from } });
    if (filter.to) conditions.push({ occursAt: { $lt: filter.to } });
    if (filter.titleContains) conditions.push({ title: { $ilike: `%${escapeLike(filter.titleContains)}%` } });
    if (after) {
      conditions.push({
        $or: [{ occursAt: { $lt: after.occursAt } }, { occursAt: after.occursAt, id: { $lt: after.id } }],
      });
    }
    const meetings = await this.em.find(
      MeetingEntity,
      { $and: conditions },
      { orderBy: { occursAt: 'desc', id: 'desc' }, limit },
    );
    await this.em.populate(meetings, ['participants']);
    return meetings;
  }

  add(meeting: MeetingEntity): void {
    this.em.persist(meeting);
  }

  remove(meeting: MeetingEntity): void {
    this.em.remove(meeting);
  }

  /** The event is committed with the change it announces (transactional outbox). */
  stageEvent<K extends EventKind>(kind: K, meetingId: string, payload: EventPayload<K>): void {
    stageEvent(this.em, kind, meetingId, payload);
  }

  async commit(): Promise<void> {
    await this.em.flush();
    this.afterCommit();
  }
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (char) => `\\${char}`);
}
