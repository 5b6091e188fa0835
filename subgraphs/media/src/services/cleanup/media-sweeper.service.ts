import type { MediaAssetEntity } from '../../entities/media-asset.entity.js';
import type { MediaAssetRepository } from '../../repositories/media-asset.repository.js';
import type { ObjectStoragePort } from '../../storage/object-storage.port.js';
import { rejectAsset } from '../validation/media-outcome.service.js';
import { mediaObjectPrefix } from '../../domain/object-keys.js';
import { sweepAbandonedUploads } from './abandoned-uploads.service.js';

export interface MediaSweepOptions {
  abandonedAfterHours: number;
  /** A client that sent its last bytes just before its links expired still gets this long to complete. */
  completionGraceMs: number;
  /**
   * A URL import neither settled nor renewed for this long has no delivery left (its job was lost,
   * or a duplicate delivery was acked while the run that held it died): it is rejected.
   */
  abandonedImportAfterMs: number;
  batchSize: number;
}

export const DEFAULT_COMPLETION_GRACE_MS = 60 * 60_000;

/** Periodic cleanup: multipart uploads nobody completed, and pending assets whose links expired long ago. */
export class MediaSweeper {
  constructor(
    private readonly assets: MediaAssetRepository,
    private readonly storage: ObjectStoragePort,
    private readonly options: MediaSweepOptions,
  ) {}

  async sweep(
    now = new Date(),
  ): Promise<{ abortedUploads: number; expiredAssets: number; abandonedImports: number }> {
    const abortedUploads = await sweepAbandonedUploads(this.storage, {
      olderThanHours: this.options.abandonedAfterHours,
      now,
    });
    const before = new Date(now.getTime() - this.options.completionGraceMs);
    const expired = await this.assets.inTransaction(async (assets) => {
      const rows = await assets.findExpiredPendingForUpdate(before, this.options.batchSize);
      for (const asset of rows) {
        rejectAsset(
          asset,
          'UPLOAD_EXPIRED',
          'The upload was not completed before its links expired; request a new upload.',
          assets,
        );
      }
      return rows;
    });
    for (const asset of expired) await this.discard(asset);
    const abandoned = await this.rejectAbandonedImports(now);
    return { abortedUploads, expiredAssets: expired.length, abandonedImports: abandoned };
  }

  private async rejectAbandonedImports(now: Date): Promise<number> {
    const before = new Date(now.getTime() - this.options.abandonedImportAfterMs);
    const rows = await this.assets.inTransaction(async (assets) => {
      const found = await assets.findAbandonedImportsForUpdate(before, this.options.batchSize);
      for (const asset of found) {
        rejectAsset(
          asset,
          'IMPORT_FAILED',
          'The import stopped without finishing; import the URL again.',
          assets,
        );
        asset.importLeaseToken = null;
        asset.importLeaseUntil = null;
      }
      return found;
    });
    for (const asset of rows) await this.storage.deletePrefix(mediaObjectPrefix(asset.meetingId, asset.id));
    return rows.length;
  }

  private async discard(asset: MediaAssetEntity): Promise<void> {
    if (asset.uploadId)
      await this.storage.abortMultipartUpload({ key: asset.objectKey, uploadId: asset.uploadId });
    await this.storage.deletePrefix(mediaObjectPrefix(asset.meetingId, asset.id));
  }
}
