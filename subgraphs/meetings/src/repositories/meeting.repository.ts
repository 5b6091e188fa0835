import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { participantEmailOf, type AuthenticatedUser } from '@mymeet/auth';
import { meetingStateSubject, type EventPayload } from '@mymeet/contracts';
import { stageEvent, stageMessage } from '@mymeet/database';
import type { MeetingCursor } from '../domain/meeting-cursor.js';
import type { MeetingStatus } from '../domain/meeting-status.js';
import { MeetingEntity } from '../entities/meeting.entity.js';

export type MeetingLifecycleKind = 'meeting.created' | 'meeting.updated' | 'meeting.deleted';

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

  /** `forUpdate` (inside {@link inTransaction}) locks the row until the transaction ends. */
  findById(id: string, forUpdate = false): Promise<MeetingEntity | null> {
    return this.em.findOne(
      MeetingEntity,
      { id },
      { populate: ['participants'], ...(forUpdate ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {}) },
    );
  }

  /** Runs `work` in one transaction with a repository bound to it; the outbox is kicked after the commit. */
  async inTransaction<T>(work: (meetings: MeetingRepository) => Promise<T>): Promise<T> {
    const result = await this.em.transactional((tx) => work(new MeetingRepository(tx)));
    this.afterCommit();
    return result;
  }

  async findByIds(ids: readonly string[]): Promise<MeetingEntity[]> {
    return this.em.find(MeetingEntity, { id: { $in: [...ids] } }, { populate: ['participants'] });
  }

  /**
   * Newest first (by meeting time, then id), starting after the cursor; fetches `limit` rows.
   * Owned and participated meetings are read by two index-ordered branches and merged, so the
   * cost follows the page size, not how many meetings the user has.
   */
  async listVisibleTo(
    user: AuthenticatedUser,
    filter: MeetingListFilter,
    after: MeetingCursor | undefined,
    limit: number,
  ): Promise<MeetingEntity[]> {
    const { sql: conditions, params } = listConditions(filter, after);
    const owned = `select m.* from meeting m where m.owner_id = ?${conditions} order by m.occurs_at desc, m.id desc limit ?`;
    const participated =
      'select m.* from participant p join meeting m on m.id = p.meeting_id ' +
      `where p.email = ? and m.owner_id <> ?${conditions} order by m.occurs_at desc, m.id desc limit ?`;
    // The verified, normalised address only: the shared rule of canView (participants are stored in that form).
    const email = participantEmailOf(user);
    const [sql, values] = email
      ? [
          `select * from ((${owned}) union all (${participated})) m order by m.occurs_at desc, m.id desc limit ?`,
          [user.sub, ...params, limit, email, user.sub, ...params, limit, limit],
        ]
      : [owned, [user.sub, ...params, limit]];
    const rows = await this.em.getConnection().execute<Record<string, unknown>[]>(sql, values);
    const meetings = rows.map((row) => this.em.map(MeetingEntity, row));
    await this.em.populate(meetings, ['participants']);
    return meetings;
  }

  add(meeting: MeetingEntity): void {
    this.em.persist(meeting);
  }

  remove(meeting: MeetingEntity): void {
    this.em.remove(meeting);
  }

  /**
   * The event is committed with the change it announces (transactional outbox), once for EVENTS and
   * once as the meeting's latest state in the compacted STATE stream.
   */
  stageMeetingEvent<K extends MeetingLifecycleKind>(
    kind: K,
    meetingId: string,
    payload: EventPayload<K>,
  ): void {
    const envelope = stageEvent(this.em, kind, meetingId, payload);
    stageMessage(this.em, meetingStateSubject(meetingId), envelope, meetingId);
  }

  async commit(): Promise<void> {
    await this.em.flush();
    this.afterCommit();
  }
}

function listConditions(filter: MeetingListFilter, after: MeetingCursor | undefined) {
  const sql: string[] = [];
  const params: unknown[] = [];
  if (filter.statuses?.length) {
    sql.push(`m.status in (${filter.statuses.map(() => '?').join(', ')})`);
    params.push(...filter.statuses);
  }
  if (filter.from) {
    sql.push('m.occurs_at >= ?');
    params.push(filter.from);
  }
  if (filter.to) {
    sql.push('m.occurs_at < ?');
    params.push(filter.to);
  }
  if (filter.titleContains) {
    sql.push("m.title ilike ? escape '\\'");
    params.push(`%${escapeLike(filter.titleContains)}%`);
  }
  if (after) {
    sql.push('(m.occurs_at, m.id) < (?, ?)');
    params.push(after.occursAt, after.id);
  }
  return { sql: sql.map((condition) => ` and ${condition}`).join(''), params };
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (char) => `\\${char}`);
}
