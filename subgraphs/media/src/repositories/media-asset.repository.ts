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
