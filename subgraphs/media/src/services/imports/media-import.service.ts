import type { AuthenticatedUser } from '@mymeet/auth';
import type { JobPayload } from '@mymeet/contracts';
import { MediaSource, MediaStatus } from '../../domain/media-status.js';
import { MediaAssetEntity } from '../../entities/media-asset.entity.js';
import type { MediaAssetRepository } from '../../repositories/media-asset.repository.js';
import { toDisplayFileName, toKeyFileName } from '../../domain/file-name.js';
import type { MediaDependencies } from '../media-dependencies.js';
import { badInput, MediaError } from '../../domain/media-error.js';
import { recordValidationOutcome, rejectAsset } from '../validation/media-outcome.service.js';
import type { MeetingAccessService } from '@mymeet/meeting-access';
import { findMediaTypeByExtension } from '../../domain/media-types.js';
import { mediaObjectKey } from '../../domain/object-keys.js';

const MAX_URL_LENGTH = 2048;

/** Recordings fetched from a URL: checked at once, fetched by a durable job, then validated like uploads. */
export class MediaImportService {
  constructor(
    private readonly assets: MediaAssetRepository,
    private readonly access: MeetingAccessService,
    private readonly deps: Pick<MediaDependencies, 'remote' | 'importer' | 'validator'>,
  ) {}

  /** Refuses bad URLs synchronously; otherwise records the asset VALIDATING and queues its import job. */
  async start(user: AuthenticatedUser, input: { meetingId: string; url: string }): Promise<MediaAssetEntity> {
    await this.access.requireModifiable(user, input.meetingId);
    const url = input.url.trim();
    if (!url || url.length > MAX_URL_LENGTH) {
      throw badInput('url', 'URL_INVALID', `Give an http(s) URL of at most ${MAX_URL_LENGTH} characters.`);
    }
    await this.deps.remote.vet(url);
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
      validationStartedAt: new Date(),
    });
    this.assets.add(asset);
    this.assets.stageJob('media-import', { mediaId: asset.id, meetingId: input.meetingId, url }, asset.id);
    await this.assets.commit();
    return asset;
  }

  /**
   * Runs one import job. What the URL's server does wrong ends the asset REJECTED with the reason;
   * a failure of our own (storage, probe) is thrown for redelivery, until the last attempt.
   */
  async run(job: JobPayload<'media-import'>, lastAttempt: boolean): Promise<void> {
    const asset = await this.assets.findById(job.mediaId);
    if (!asset || asset.status !== MediaStatus.VALIDATING) return; // settled before, or deleted with its meeting
    const meeting = await this.access.findLiveMeeting(job.meetingId);
    if (!meeting) return;
    try {
      const imported = await this.deps.importer.importFromUrl(job);
      Object.assign(asset, {
        fileName: imported.fileName,
        contentType: imported.contentType,
        byteSize: imported.byteSize,
        objectKey: imported.key,
        sourceUrl: imported.sourceUrl,
      });
      recordValidationOutcome(asset, await this.deps.validator.validate(imported), meeting, this.assets);
    } catch (error) {
      if (error instanceof MediaError && error.code === 'BAD_USER_INPUT') {
        rejectAsset(asset, error.details.reason ?? 'IMPORT_FAILED', error.message, this.assets);
      } else if (lastAttempt) {
        rejectAsset(
          asset,
          'IMPORT_FAILED',
          'The recording could not be imported; try again later.',
          this.assets,
        );
      } else {
        throw error;
      }
    }
    await this.assets.commit();
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
