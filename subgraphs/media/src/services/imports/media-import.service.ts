import { randomUUID } from 'node:crypto';
import type { AuthenticatedUser } from '@mymeet/auth';
import type { JobPayload } from '@mymeet/contracts';
import { toDisplayFileName, toKeyFileName } from '../../domain/file-name.js';
import { badInput, MediaError, MediaErrorCode } from '../../domain/media-error.js';
import { MediaSource, MediaStatus } from '../../domain/media-status.js';
import { findMediaTypeByExtension } from '../../domain/media-types.js';
import { importRunPrefix, mediaObjectKey, mediaObjectPrefix } from '../../domain/object-keys.js';
import { MediaAssetEntity } from '../../entities/media-asset.entity.js';
import type { MediaAssetRepository } from '../../repositories/media-asset.repository.js';
import type { MediaDependencies } from '../media-dependencies.js';
import { recordValidationOutcome, rejectAsset } from '../validation/media-outcome.service.js';
import type { ProbeOutcome } from '../validation/media-probe.service.js';
import { holdImportLease } from './import-lease.js';
import type { MeetingAccessService } from '@mymeet/meeting-access';

const MAX_URL_LENGTH = 2048;

export interface ImportLimits {
  /** URL imports one user may have queued or running at once. */
  maxConcurrentPerUser: number;
  /** How long a run's claim lasts without renewal; a dead run's import is taken over after it. */
  leaseMs: number;
}

/** Recordings fetched from a URL: checked at once, fetched by a durable job, then validated like uploads. */
export class MediaImportService {
  constructor(
    private readonly assets: MediaAssetRepository,
    private readonly access: MeetingAccessService,
    private readonly deps: Pick<
      MediaDependencies,
      'remote' | 'importer' | 'validator' | 'storage' | 'importLimits'
    >,
  ) {}

  /**
   * Refuses bad URLs synchronously, and a user who already has as many imports running as allowed;
   * otherwise records the asset VALIDATING and queues its import job.
   */
  async start(user: AuthenticatedUser, input: { meetingId: string; url: string }): Promise<MediaAssetEntity> {
    await this.access.requireModifiable(user, input.meetingId);
    const url = input.url.trim();
    if (!url || url.length > MAX_URL_LENGTH) {
      throw badInput('url', 'URL_INVALID', `Give an http(s) URL of at most ${MAX_URL_LENGTH} characters.`);
    }
    await this.deps.remote.vet(url);
    return this.assets.inTransaction(async (assets) => {
      // Serialised per user, so two requests at once cannot both pass the count.
      await assets.lockImportsOf(user.sub);
      const running = await assets.countRunningImports(user.sub);
      if (running >= this.deps.importLimits.maxConcurrentPerUser) {
        throw new MediaError(
          MediaErrorCode.TOO_MANY_IMPORTS,
          `You already have ${running} imports in progress (at most ${this.deps.importLimits.maxConcurrentPerUser} at once); wait until one finishes.`,
          { field: 'url', reason: 'TOO_MANY_IMPORTS' },
        );
      }
      const asset = new MediaAssetEntity();
      const fileName = fileNameOf(url);
      Object.assign(asset, {
        meetingId: input.meetingId,
        ownerId: user.sub,
        fileName,
        contentType: findMediaTypeByExtension(fileName)?.contentType ?? 'application/octet-stream',
        byteSize: 0,
        status: MediaStatus.VALIDATING,
        objectKey: mediaObjectKey(input.meetingId, asset.id, toKeyFileName(fileName)),
        source: MediaSource.URL,
        sourceUrl: url,
      });
      assets.add(asset);
      assets.stageJob('media-import', { mediaId: asset.id, meetingId: input.meetingId, url }, asset.id);
      return asset;
    });
  }

  /**
   * Runs one delivery of an import job. It first claims the asset (a conditional update), so a
   * duplicate delivery or a second instance never runs the same import twice; the claim is renewed
   * while the run works and checked again when it settles. What the URL's server does wrong ends
   * the asset REJECTED with the reason (its bytes deleted at once); a failure of our own (storage,
   * probe, an abort) is thrown for redelivery, and the consumer's dead letter settles the last one.
   */
  async run(job: JobPayload<'media-import'>, options: { signal?: AbortSignal } = {}): Promise<void> {
    const asset = await this.assets.findById(job.mediaId);
    if (!asset || asset.status !== MediaStatus.VALIDATING) return; // settled before, or deleted with its meeting
    const meeting = await this.access.findLiveMeeting(job.meetingId);
    if (!meeting) return;
    const runId = randomUUID();
    if (!(await this.assets.claimImport(asset.id, runId, new Date(), this.deps.importLimits.leaseMs))) {
      return; // another run holds it and settles it (or, should it die, the next delivery or the sweeper)
    }
    const lease = holdImportLease(this.assets, {
      mediaId: asset.id,
      token: runId,
      leaseMs: this.deps.importLimits.leaseMs,
      signal: options.signal,
    });
    let imported;
    let outcome: ProbeOutcome;
    try {
      imported = await this.deps.importer.importFromUrl({ ...job, runId }, lease.signal);
      outcome = await this.deps.validator.validate(imported);
    } catch (error) {
      lease.stop();
      if (error instanceof MediaError && error.isUserError && !lease.signal.aborted) {
        // Gone before anyone can see REJECTED; only this run's own bytes, as it may not win the settle.
        await this.discard(importRunPrefix(job.meetingId, job.mediaId, runId));
        const rejected = await this.settle(asset.id, runId, (row, assets) =>
          rejectAsset(row, error.details.reason ?? 'IMPORT_FAILED', error.message, assets),
        );
        await this.discard(
          rejected
            ? mediaObjectPrefix(job.meetingId, job.mediaId)
            : importRunPrefix(job.meetingId, job.mediaId, runId),
        );
        return;
      }
      await this.discard(importRunPrefix(job.meetingId, job.mediaId, runId));
      await this.assets.releaseImportLease(asset.id, runId).catch(() => undefined);
      throw error;
    }
    lease.stop();
    if (!outcome.accepted) await this.discard(importRunPrefix(job.meetingId, job.mediaId, runId));
    const settled = await this.settle(asset.id, runId, (row, assets) => {
      Object.assign(row, {
        fileName: imported.fileName,
        contentType: imported.contentType,
        byteSize: imported.byteSize,
        objectKey: imported.key,
        sourceUrl: imported.sourceUrl,
      });
      recordValidationOutcome(row, outcome, meeting, assets);
    });
    if (!settled) await this.discard(importRunPrefix(job.meetingId, job.mediaId, runId));
    else if (settled.status === MediaStatus.REJECTED)
      await this.discard(mediaObjectPrefix(job.meetingId, job.mediaId));
  }

  /** The job was given up on (every attempt failed, crashed or timed out): the asset says so. */
  async giveUp(job: JobPayload<'media-import'>, reason: string): Promise<void> {
    const settled = await this.assets.inTransaction(async (assets) => {
      const asset = await assets.findByIdForUpdate(job.mediaId);
      if (!asset || asset.status !== MediaStatus.VALIDATING) return null;
      rejectAsset(asset, 'IMPORT_FAILED', `The recording could not be imported: ${oneLine(reason)}`, assets);
      asset.importLeaseToken = null;
      asset.importLeaseUntil = null;
      return asset;
    });
    if (settled) await this.discard(mediaObjectPrefix(job.meetingId, job.mediaId));
  }

  /** Applies a run's result only if that run still holds the asset (compare-and-set under a row lock). */
  private settle(
    mediaId: string,
    runId: string,
    apply: (asset: MediaAssetEntity, assets: MediaAssetRepository) => void,
  ): Promise<MediaAssetEntity | null> {
    return this.assets.inTransaction(async (assets) => {
      const asset = await assets.findByIdForUpdate(mediaId);
      if (!asset || asset.status !== MediaStatus.VALIDATING || asset.importLeaseToken !== runId) return null;
      apply(asset, assets);
      asset.importLeaseToken = null;
      asset.importLeaseUntil = null;
      return asset;
    });
  }

  /** Bytes nobody will read; a failure here only leaves them to the meeting's deletion. */
  private async discard(prefix: string): Promise<void> {
    await this.deps.storage.deletePrefix(prefix).catch(() => undefined);
  }
}

function fileNameOf(url: string): string {
  try {
    const segment = new URL(url).pathname.split('/').pop() ?? '';
    return toDisplayFileName(decodeURIComponent(segment)) || 'imported-media';
  } catch {
    return 'imported-media';
  }
}

function oneLine(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 300 ? `${line.slice(0, 300)}…` : line;
}
