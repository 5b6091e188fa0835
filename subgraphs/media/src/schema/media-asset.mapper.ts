import type { MediaAssetEntity } from '../entities/media-asset.entity.js';
import type { RequestedUpload } from '../services/uploads/media-upload.service.js';
import type { MediaAsset } from './media-asset.type.js';
import type { MediaUpload } from './media-upload.type.js';

export function toMediaAsset(entity: MediaAssetEntity): MediaAsset {
  return {
    id: entity.id,
    meetingId: entity.meetingId,
    fileName: entity.fileName,
    contentType: entity.contentType,
    byteSize: entity.byteSize,
    status: entity.status,
    rejectionReason: entity.rejectionReason,
    rejectionCode: entity.rejectionCode,
    durationSeconds: entity.durationSeconds,
    container: entity.container,
    audioCodec: entity.audioCodec,
    videoCodec: entity.videoCodec,
    sampleRate: entity.sampleRate,
    channels: entity.channels,
    source: entity.source,
    storedSourceUrl: entity.sourceUrl,
    ownerId: entity.ownerId,
    transcriptId: entity.transcriptId,
    createdAt: entity.createdAt,
    updatedAt: entity.updatedAt,
    objectKey: entity.objectKey,
  };
}

export function toMediaUpload({ asset, session, plan }: RequestedUpload): MediaUpload {
  const media = toMediaAsset(asset);
  if (session.kind === 'single') {
    return {
      media,
      uploadMode: asset.uploadMode!,
      uploadUrl: session.put.url,
      uploadHeaders: session.put.headers,
      expiresAt: session.put.expiresAt,
      partSize: null,
      parts: null,
    };
  }
  const planned = plan.transfer.kind === 'multipart' ? plan.transfer.parts : [];
  const parts = session.parts.map((part, index) => ({
    partNumber: part.partNumber,
    url: part.url,
    offset: planned[index]!.offset,
    byteSize: planned[index]!.byteSize,
  }));
  return {
    media,
    uploadMode: asset.uploadMode!,
    uploadUrl: parts[0]!.url,
    uploadHeaders: session.parts[0]?.headers ?? {},
    expiresAt: session.expiresAt,
    partSize: session.partSize,
    parts,
  };
}
