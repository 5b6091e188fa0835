import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { EventKind, EventPayload, JobKind, JobPayload } from '@mymeet/contracts';
import { stageEvent, stageJob } from '@mymeet/database';
import { TranscriptStatus } from '../domain/transcript-status.js';
import { TranscriptEntity } from '../entities/transcript.entity.js';
import { SegmentRepository } from './segment.repository.js';
import { SpeakerRepository } from './speaker.repository.js';

/** The transcripts service's door to its runs and its outbox. One instance per request or message. */
export class TranscriptRepository {
  constructor(
    private readonly em: EntityManager,
    private readonly afterCommit: () => void = () => undefined,
  ) {}

  /** Segments of the same unit of work. */
  get segments(): SegmentRepository {
    return new SegmentRepository(this.em);
  }

  /** Speakers of the same unit of work. */
  get speakers(): SpeakerRepository {
    return new SpeakerRepository(this.em);
  }

  findById(id: string): Promise<TranscriptEntity | null> {
    return this.em.findOne(TranscriptEntity, { id });
  }

  findByIds(ids: readonly string[]): Promise<TranscriptEntity[]> {
    return ids.length ? this.em.find(TranscriptEntity, { id: { $in: [...ids] } }) : Promise.resolve([]);
  }

  /** Every run of these meetings, newest first. */
  findByMeetingIds(meetingIds: readonly string[]): Promise<TranscriptEntity[]> {
    if (meetingIds.length === 0) return Promise.resolve([]);
    return this.em.find(
      TranscriptEntity,
      { meetingId: { $in: [...meetingIds] } },
      { orderBy: { createdAt: 'desc', id: 'desc' } },
    );
  }

  /**
   * The run, row-locked until the transaction ends: every event of one run (segments, completion,
   * failure) is applied one after the other even when instances handle them in parallel.
   */
  lock(id: string): Promise<TranscriptEntity | null> {
    return this.em.findOne(TranscriptEntity, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
  }

  /** Runs reported complete before `before` that still miss segments; locked, skipping ones another sweeper holds. */
  findAwaitingSegmentsForUpdate(before: Date, limit: number): Promise<TranscriptEntity[]> {
    return this.em.find(
      TranscriptEntity,
      {
        status: TranscriptStatus.PROCESSING,
        reportedSegmentCount: { $ne: null },
        reportedAt: { $lt: before },
      },
      { limit, orderBy: { reportedAt: 'asc' }, lockMode: LockMode.PESSIMISTIC_PARTIAL_WRITE },
    );
  }

  add(transcript: TranscriptEntity): void {
    this.em.persist(transcript);
  }

  /** Removes the meeting's runs with their segments (cascade). */
  deleteByMeeting(meetingId: string): Promise<number> {
    return this.em.nativeDelete(TranscriptEntity, { meetingId });
  }

  /** The event is committed with the change it announces (transactional outbox). */
  stageEvent<K extends EventKind>(kind: K, meetingId: string, payload: EventPayload<K>): void {
    stageEvent(this.em, kind, meetingId, payload);
  }

  /** The job is queued if and only if the run asking for it commits; `id` deduplicates publishes. */
  stageJob<K extends JobKind>(kind: K, payload: JobPayload<K>, id: string): void {
    stageJob(this.em, kind, payload, id);
  }

  /** Runs `work` in one transaction with a repository bound to it; the outbox is kicked after commit. */
  async inTransaction<T>(work: (transcripts: TranscriptRepository) => Promise<T>): Promise<T> {
    const result = await this.em.transactional((tx) => work(new TranscriptRepository(tx)));
    this.afterCommit();
    return result;
  }
}
