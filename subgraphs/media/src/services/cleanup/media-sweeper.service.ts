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

/**
 * Periodic cleanup: multipart uploads nobody completed, pending assets whose links expired long ago,
 * and URL imports no delivery can finish any more.
 */
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
    const expired = await this.rejectBatch(
      (assets) =>
        assets.findExpiredPendingForUpdate(
          new Date(now.getTime() - this.options.completionGraceMs),
          this.options.batchSize,
        ),
      'UPLOAD_EXPIRED',
      'The upload was not completed before its links expired; request a new upload.',
    );
    const abandoned = await this.rejectBatch(
      (assets) =>
        assets.findAbandonedImportsForUpdate(
          new Date(now.getTime() - this.options.abandonedImportAfterMs),
          this.options.batchSize,
        ),
      'IMPORT_FAILED',
      'The import stopped without finishing; import the URL again.',
    );
    return { abortedUploads, expiredAssets: expired, abandonedImports: abandoned };
  }

  /** Rejects one locked batch in one transaction, then frees the bytes of what it rejected. */
  private async rejectBatch(
    find: (assets: MediaAssetRepository) => Promise<MediaAssetEntity[]>,
    code: string,
    message: string,
  ): Promise<number> {
    const rejected = await this.assets.inTransaction(async (assets) => {
      const rows = await find(assets);
      for (const asset of rows) {
        rejectAsset(asset, code, message, assets);
        asset.importLeaseToken = null;
        asset.importLeaseUntil = null;
      }
      return rows;
    });
    for (const asset of rejected) await this.discard(asset);
    return rejected.length;
  }

  private async discard(asset: MediaAssetEntity): Promise<void> {
    if (asset.uploadId)
      await this.storage.abortMultipartUpload({ key: asset.objectKey, uploadId: asset.uploadId });
    await this.storage.deletePrefix(mediaObjectPrefix(asset.meetingId, asset.id));
  }
}
