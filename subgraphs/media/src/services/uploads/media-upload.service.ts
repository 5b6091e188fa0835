import type { AuthenticatedUser } from '@mymeet/auth';
import { MediaSource, MediaStatus, UploadMode } from '../../domain/media-status.js';
import { MediaAssetEntity } from '../../entities/media-asset.entity.js';
import type { MediaAssetRepository } from '../../repositories/media-asset.repository.js';
import type { MediaAssetService } from '../assets/media-asset.service.js';
import type { MediaDependencies } from '../media-dependencies.js';
import { badInput, MediaError } from '../../domain/media-error.js';
import { acceptedObjectKey, mediaObjectPrefix } from '../../domain/object-keys.js';
import type { ProbeOutcome } from '../validation/media-probe.service.js';
import { recordValidationOutcome } from '../validation/media-outcome.service.js';
import type { MeetingAccessService } from '@mymeet/meeting-access';
import { planTransfer, planUpload, type UploadPlan, type UploadRequest } from './upload.policy.js';
import { completeMultipartSession, openUploadSession, type UploadSession } from './upload-session.service.js';

export interface RequestedUpload {
  asset: MediaAssetEntity;
  session: UploadSession;
  plan: UploadPlan;
}

/** Direct-to-storage uploads: hand out presigned URLs, then complete, validate and settle. */
export class MediaUploadService {
  constructor(
    private readonly assets: MediaAssetRepository,
    private readonly access: MeetingAccessService,
    private readonly reader: MediaAssetService,
    private readonly deps: MediaDependencies,
  ) {}

  async request(user: AuthenticatedUser, input: Omit<UploadRequest, 'mediaId'>): Promise<RequestedUpload> {
    await this.access.requireModifiable(user, input.meetingId);
    const asset = new MediaAssetEntity();
    // Refused sizes and types fail here, before storage is asked for anything.
    const plan = planUpload({ ...input, mediaId: asset.id }, this.deps.uploadPolicy);
    const session = await openUploadSession(this.deps.storage, plan, this.deps.uploadUrlTtlSeconds);
    Object.assign(asset, {
      meetingId: input.meetingId,
      ownerId: user.sub,
      fileName: plan.fileName,
      contentType: plan.contentType,
      byteSize: plan.byteSize,
      status: MediaStatus.PENDING_UPLOAD,
      objectKey: plan.key,
      source: MediaSource.UPLOAD,
      uploadMode: session.kind === 'single' ? UploadMode.SINGLE : UploadMode.MULTIPART,
      uploadId: session.kind === 'multipart' ? session.uploadId : null,
      partSize: session.kind === 'multipart' ? session.partSize : null,
      uploadExpiresAt: session.kind === 'single' ? session.put.expiresAt : session.expiresAt,
    });
    this.assets.add(asset);
    await this.assets.commit();
    return { asset, session, plan };
  }

  /**
   * Finishes an upload: assembles multipart parts from storage's own list, validates the bytes
   * and settles the asset READY (transcription queued) or REJECTED. Safe to call again: a settled
   * or in-progress asset is returned as it is.
   */
  async complete(user: AuthenticatedUser, mediaId: string): Promise<MediaAssetEntity> {
    const found = await this.reader.requireChangeable(user, mediaId);
    const now = new Date();
    const staleBefore = new Date(now.getTime() - this.deps.validationStaleMs);
    if (found.asset.source !== MediaSource.UPLOAD) return found.asset;
    if (!(await this.assets.claimForValidation(mediaId, now, staleBefore))) {
      return (await this.assets.reload(mediaId)) ?? found.asset;
    }
    const asset = (await this.assets.reload(mediaId))!;
    const uploadKey = asset.objectKey;
    let outcome: ProbeOutcome;
    try {
      await this.assemble(asset);
      outcome = await this.sealAndValidate(asset);
    } catch (error) {
      // The client may fix this (resend a part, retry later): back to waiting for it.
      asset.objectKey = uploadKey;
      asset.status = MediaStatus.PENDING_UPLOAD;
      asset.validationStartedAt = null;
      await this.assets.commit();
      throw error;
    }
    recordValidationOutcome(asset, outcome, found.meeting, this.assets);
    await this.assets.commit();
    if (asset.status === MediaStatus.REJECTED) await this.discardBytes(asset);
    else await this.deps.storage.deleteObject(uploadKey).catch(() => undefined); // nothing reads it any more
    return asset;
  }

  /**
   * The upload key stays writable while its presigned URL lives (on the local server, which checks
   * no signatures, forever), so the bytes are first copied server-side to a key no URL ever named,
   * and that copy is what is validated and, once READY, what workers and participants read.
   */
  private async sealAndValidate(asset: MediaAssetEntity): Promise<ProbeOutcome> {
    const uploaded = await this.deps.storage.headObject(asset.objectKey);
    const refused = this.deps.validator.checkStored(uploaded, asset.byteSize);
    if (refused?.reason === 'NOT_UPLOADED') {
      throw badInput(
        'mediaId',
        'NOT_UPLOADED',
        'No file has been uploaded yet: send it to the upload URL first.',
      );
    }
    if (refused) return refused;
    const acceptedKey = acceptedObjectKey(asset.meetingId, asset.id, asset.objectKey);
    await this.deps.storage.copyObject({
      sourceKey: asset.objectKey,
      targetKey: acceptedKey,
      byteSize: asset.byteSize,
      contentType: asset.contentType,
      sourceEtag: uploaded?.etag,
    });
    asset.objectKey = acceptedKey;
    return this.deps.validator.validate({
      key: acceptedKey,
      byteSize: asset.byteSize,
      contentType: asset.contentType,
    });
  }

  /** Cancels a pending upload: its parts and bytes are freed and the asset is forgotten. */
  async abort(user: AuthenticatedUser, mediaId: string): Promise<void> {
    const { asset } = await this.reader.requireChangeable(user, mediaId);
    if (asset.status !== MediaStatus.PENDING_UPLOAD) {
      throw badInput('mediaId', 'NOT_PENDING', 'Only an upload that has not been completed can be aborted.');
    }
    if (asset.uploadId) {
      await this.deps.storage.abortMultipartUpload({ key: asset.objectKey, uploadId: asset.uploadId });
    }
    await this.discardBytes(asset);
    this.assets.remove(asset);
    await this.assets.commit();
  }

  private async assemble(asset: MediaAssetEntity): Promise<void> {
    if (asset.uploadMode !== UploadMode.MULTIPART || !asset.uploadId) return;
    const plan: UploadPlan = {
      key: asset.objectKey,
      fileName: asset.fileName,
      contentType: asset.contentType,
      byteSize: asset.byteSize,
      transfer: planTransfer(asset.byteSize, {
        ...this.deps.uploadPolicy,
        singlePutMaxBytes: 0,
        preferredPartSize: asset.partSize ?? this.deps.uploadPolicy.preferredPartSize,
      }),
    };
    await completeMultipartSession(this.deps.storage, {
      key: asset.objectKey,
      uploadId: asset.uploadId,
      plan,
    });
    // Committed with whatever follows: a retry validates the assembled object instead of re-completing.
    asset.uploadId = null;
  }

  private async discardBytes(asset: MediaAssetEntity): Promise<void> {
    await this.deps.storage
      .deletePrefix(mediaObjectPrefix(asset.meetingId, asset.id))
      .catch((error: unknown) => {
        if (!(error instanceof MediaError)) throw error;
      });
  }
}
