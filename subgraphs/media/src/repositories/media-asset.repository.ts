import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { EventKind, EventPayload, JobKind, JobPayload } from '@mymeet/contracts';
import { stageEvent, stageJob } from '@mymeet/database';
import { MediaSource, MediaStatus } from '../domain/media-status.js';
import { MediaAssetEntity } from '../entities/media-asset.entity.js';

/** The media service's only door to its assets and outbox. One instance per request or message. */
export class MediaAssetRepository {
  constructor(
    private readonly em: EntityManager,
    private readonly afterCommit: () => void = () => undefined,
  ) {}

  findById(id: string): Promise<MediaAssetEntity | null> {
    return this.em.findOne(MediaAssetEntity, { id });
  }

  /** Reads the row again, past the unit of work's cache (after a conditional update). */
  reload(id: string): Promise<MediaAssetEntity | null> {
    return this.em.findOne(MediaAssetEntity, { id }, { refresh: true });
  }

  findByIds(ids: readonly string[]): Promise<MediaAssetEntity[]> {
    return this.em.find(MediaAssetEntity, { id: { $in: [...ids] } });
  }

  findByMeetingIds(meetingIds: readonly string[]): Promise<MediaAssetEntity[]> {
    return this.em.find(
      MediaAssetEntity,
      { meetingId: { $in: [...meetingIds] } },
      { orderBy: { createdAt: 'asc', id: 'asc' } },
    );
  }

  /**
   * Moves an upload to VALIDATING unless another request already is validating it (or finished).
   * A validation started before `staleBefore` is taken over: its instance died mid-way.
   * @returns whether this caller won the claim.
   */
  async claimForValidation(id: string, now: Date, staleBefore: Date): Promise<boolean> {
    const claimed = await this.em.nativeUpdate(
      MediaAssetEntity,
      {
        id,
        $or: [
          { status: MediaStatus.PENDING_UPLOAD },
          {
            status: MediaStatus.VALIDATING,
            source: MediaSource.UPLOAD,
            validationStartedAt: { $lt: staleBefore },
          },
        ],
      },
      { status: MediaStatus.VALIDATING, validationStartedAt: now, updatedAt: now },
    );
    return claimed === 1;
  }

  /** Makes concurrent import requests of one user wait for each other until the transaction ends. */
  async lockImportsOf(ownerId: string): Promise<void> {
    await this.em.execute('select pg_advisory_xact_lock(hashtextextended(?, 0))', [
      `media-import:${ownerId}`,
    ]);
  }

  /** URL imports of this user not settled yet (queued or running). */
  countRunningImports(ownerId: string): Promise<number> {
    return this.em.count(MediaAssetEntity, {
      ownerId,
      status: MediaStatus.VALIDATING,
      source: MediaSource.URL,
    });
  }

  /**
   * Takes the import for one run unless another run holds a live lease or the asset is settled
   * (a conditional UPDATE: two deliveries of the job, on any instances, cannot both win).
   * @returns whether this run won.
   */
  async claimImport(id: string, token: string, now: Date, leaseMs: number): Promise<boolean> {
    const claimed = await this.em.nativeUpdate(
      MediaAssetEntity,
      {
        id,
        status: MediaStatus.VALIDATING,
        source: MediaSource.URL,
        $or: [{ importLeaseUntil: null }, { importLeaseUntil: { $lt: now } }],
      },
      { importLeaseToken: token, importLeaseUntil: new Date(now.getTime() + leaseMs), updatedAt: now },
    );
    return claimed === 1;
  }

  /** @returns false when the run lost its claim (taken over, settled or deleted): it must stop. */
  async renewImportLease(id: string, token: string, leaseMs: number): Promise<boolean> {
    const renewed = await this.em.nativeUpdate(
      MediaAssetEntity,
      { id, importLeaseToken: token, status: MediaStatus.VALIDATING },
      { importLeaseUntil: new Date(Date.now() + leaseMs) },
    );
    return renewed === 1;
  }

  /** Lets the next delivery take the import at once (this run failed and will be retried). */
  async releaseImportLease(id: string, token: string): Promise<void> {
    await this.em.nativeUpdate(
      MediaAssetEntity,
      { id, importLeaseToken: token },
      { importLeaseToken: null, importLeaseUntil: null },
    );
  }

  /** The row, locked until the transaction ends, for a compare-and-set settle. */
  findByIdForUpdate(id: string): Promise<MediaAssetEntity | null> {
    return this.em.findOne(MediaAssetEntity, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
  }

  /**
   * Imports nobody can still be working on: last renewed (or, never claimed, created) before
   * `before`, long past every attempt the job had. Locked so parallel sweepers skip them.
   */
  findAbandonedImportsForUpdate(before: Date, limit: number): Promise<MediaAssetEntity[]> {
    return this.em.find(
      MediaAssetEntity,
      {
        status: MediaStatus.VALIDATING,
        source: MediaSource.URL,
        $or: [{ importLeaseUntil: { $lt: before } }, { importLeaseUntil: null, createdAt: { $lt: before } }],
      },
      { limit, lockMode: LockMode.PESSIMISTIC_PARTIAL_WRITE },
    );
  }

  /** Pending uploads whose links expired before `before`, locked so parallel sweepers skip them. */
  findExpiredPendingForUpdate(before: Date, limit: number): Promise<MediaAssetEntity[]> {
    return this.em.find(
      MediaAssetEntity,
      { status: MediaStatus.PENDING_UPLOAD, uploadExpiresAt: { $lt: before } },
      { limit, orderBy: { uploadExpiresAt: 'asc' }, lockMode: LockMode.PESSIMISTIC_PARTIAL_WRITE },
    );
  }

  add(asset: MediaAssetEntity): void {
    this.em.persist(asset);
  }

  remove(asset: MediaAssetEntity): void {
    this.em.remove(asset);
  }

  deleteByMeeting(meetingId: string): Promise<number> {
    return this.em.nativeDelete(MediaAssetEntity, { meetingId });
  }

  /** The event is committed with the change it announces (transactional outbox). */
  stageEvent<K extends EventKind>(kind: K, meetingId: string, payload: EventPayload<K>): void {
    stageEvent(this.em, kind, meetingId, payload);
  }

  /** The job is queued if and only if the change asking for it commits; `id` deduplicates publishes. */
  stageJob<K extends JobKind>(kind: K, payload: JobPayload<K>, id: string): void {
    stageJob(this.em, kind, payload, id);
  }

  /** Runs `work` in one transaction with a repository bound to it; commits when it returns. */
  async inTransaction<T>(work: (assets: MediaAssetRepository) => Promise<T>): Promise<T> {
    const result = await this.em.transactional((tx) => work(new MediaAssetRepository(tx)));
    this.afterCommit();
    return result;
  }

  async commit(): Promise<void> {
    await this.em.flush();
    this.afterCommit();
  }
}
