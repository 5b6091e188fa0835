import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { EventKind, EventPayload, JobKind, JobPayload } from '@mymeet/contracts';
import { stageEvent, stageJob } from '@mymeet/database';
import { type ReportItemKind, ReportStatus, ReportTrigger } from '../domain/report-vocabulary.js';
import { MeetingTranscriptEntity } from '../entities/meeting-transcript.entity.js';
import { ReportDeliveryEntity } from '../entities/report-delivery.entity.js';
import { ReportItemEntity } from '../entities/report-item.entity.js';
import { ReportEntity } from '../entities/report.entity.js';
import { TrackedItemEntity } from '../entities/tracked-item.entity.js';

/** The reports service's only door to its tables and outbox. One instance per request or message. */
export class ReportRepository {
  constructor(
    readonly em: EntityManager,
    private readonly afterCommit: () => void = () => undefined,
  ) {}

  findById(id: string): Promise<ReportEntity | null> {
    return this.em.findOne(ReportEntity, { id });
  }

  findByIds(ids: readonly string[]): Promise<ReportEntity[]> {
    return ids.length ? this.em.find(ReportEntity, { id: { $in: [...ids] } }) : Promise.resolve([]);
  }

  /** Every version of these meetings' reports, newest first. */
  findByMeetingIds(meetingIds: readonly string[]): Promise<ReportEntity[]> {
    if (meetingIds.length === 0) return Promise.resolve([]);
    return this.em.find(
      ReportEntity,
      { meetingId: { $in: [...meetingIds] } },
      { orderBy: { version: 'desc' } },
    );
  }

  /** Inside a transaction: the row locked, so worker events of one run apply one after another. */
  lockById(id: string): Promise<ReportEntity | null> {
    return this.em.findOne(ReportEntity, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
  }

  findAutomaticFor(transcriptId: string): Promise<ReportEntity | null> {
    return this.em.findOne(ReportEntity, { transcriptId, trigger: ReportTrigger.AUTO });
  }

  /**
   * Inside a transaction: the meeting's next version number and how many it has, with the meeting's
   * reports serialised (an advisory lock) so two requests never take the same number.
   */
  async nextVersion(meetingId: string): Promise<{ version: number; count: number }> {
    await this.em.execute('select pg_advisory_xact_lock(hashtextextended(?, 7))', [meetingId]);
    const [row] = await this.em.execute<Array<{ max: number | null; count: string }>>(
      'select max("version") as "max", count(*) as "count" from "report" where "meeting_id" = ?',
      [meetingId],
    );
    return { version: (row?.max ?? 0) + 1, count: Number(row?.count ?? 0) };
  }

  /** The decisions and action items of these reports in order, each with its tracked item. */
  async itemsOf(
    reportIds: readonly string[],
  ): Promise<Array<{ row: ReportItemEntity; item: TrackedItemEntity }>> {
    if (reportIds.length === 0) return [];
    const rows = await this.em.find(
      ReportItemEntity,
      { reportId: { $in: [...reportIds] } },
      { orderBy: { reportId: 'asc', kind: 'asc', position: 'asc' } },
    );
    const tracked = await this.findTrackedByIds([...new Set(rows.map((row) => row.itemId))]);
    const byId = new Map(tracked.map((item) => [item.id, item]));
    return rows.map((row) => ({ row, item: byId.get(row.itemId)! }));
  }

  findTrackedByIds(ids: readonly string[]): Promise<TrackedItemEntity[]> {
    return ids.length ? this.em.find(TrackedItemEntity, { id: { $in: [...ids] } }) : Promise.resolve([]);
  }

  /** Inside a transaction: the meeting's tracked items of a kind, locked while a new version is matched to them. */
  lockTrackedItems(meetingId: string, kind: ReportItemKind): Promise<TrackedItemEntity[]> {
    return this.em.find(
      TrackedItemEntity,
      { meetingId, kind },
      { lockMode: LockMode.PESSIMISTIC_WRITE, orderBy: { createdAt: 'asc' } },
    );
  }

  /** How the newest finished version words a tracked item. */
  async latestWording(itemId: string): Promise<ReportItemEntity | null> {
    const rows = await this.em.find(ReportItemEntity, { itemId });
    const reports = await this.findByIds([...new Set(rows.map((row) => row.reportId))]);
    const ready = reports
      .filter((report) => report.status === ReportStatus.READY)
      .sort((a, b) => b.version - a.version);
    return rows.find((row) => row.reportId === ready[0]?.id) ?? null;
  }

  /** Records a completed transcript; a second delivery of the same fact changes nothing. */
  async rememberTranscript(transcript: MeetingTranscriptEntity): Promise<void> {
    await this.em.execute(
      `insert into "meeting_transcript" ("transcript_id", "meeting_id", "ready_at", "segment_count", "word_count")
       values (?, ?, ?, ?, ?) on conflict ("transcript_id") do nothing`,
      [
        transcript.transcriptId,
        transcript.meetingId,
        transcript.readyAt,
        transcript.segmentCount,
        transcript.wordCount,
      ],
    );
  }

  /** The meeting's newest completed transcript. */
  latestTranscript(meetingId: string): Promise<MeetingTranscriptEntity | null> {
    return this.em.findOne(MeetingTranscriptEntity, { meetingId }, { orderBy: { readyAt: 'desc' } });
  }

  /** Everything the service keeps about a meeting (deliveries and items go with their reports). */
  async deleteByMeeting(meetingId: string): Promise<void> {
    await this.em.nativeDelete(ReportDeliveryEntity, { meetingId });
    await this.em.nativeDelete(ReportEntity, { meetingId });
    await this.em.nativeDelete(TrackedItemEntity, { meetingId });
    await this.em.nativeDelete(MeetingTranscriptEntity, { meetingId });
  }

  add(entity: object): void {
    this.em.persist(entity);
  }

  /** The event is committed with the change it announces (transactional outbox). */
  stageEvent<K extends EventKind>(kind: K, meetingId: string, payload: EventPayload<K>): void {
    stageEvent(this.em, kind, meetingId, payload);
  }

  /** The job is queued if and only if the change asking for it commits; `id` deduplicates publishes. */
  stageJob<K extends JobKind>(kind: K, payload: JobPayload<K>, id: string): void {
    stageJob(this.em, kind, payload, id);
  }

  /** Runs `work` in one transaction with a repository bound to it; publishes the outbox after commit. */
  async inTransaction<T>(work: (reports: ReportRepository) => Promise<T>): Promise<T> {
    const result = await this.em.transactional((tx) => work(new ReportRepository(tx)));
    this.afterCommit();
    return result;
  }

  /** Writes what is pending in the unit of work (inside a transaction: not yet committed). */
  async flush(): Promise<void> {
    await this.em.flush();
  }

  async commit(): Promise<void> {
    await this.em.flush();
    this.afterCommit();
  }
}
