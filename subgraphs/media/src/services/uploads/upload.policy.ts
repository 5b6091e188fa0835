import { toDisplayFileName, toKeyFileName } from '../../domain/file-name.js';
import { badInput } from '../../domain/media-error.js';
import { acceptedContentTypes, findMediaType } from '../../domain/media-types.js';
import { assertSafeId, mediaObjectKey } from '../../domain/object-keys.js';

const MiB = 1024 * 1024;
const GiB = 1024 * MiB;

/** S3's own limits, which MinIO shares. */
export const S3_LIMITS = {
  minPartSize: 5 * MiB,
  maxPartSize: 5 * GiB,
  maxParts: 10_000,
  maxSinglePut: 5 * GiB,
};

export interface UploadPolicyConfig {
  /** Largest accepted file. */
  maxByteSize: number;
  /** Files up to this size get one presigned PUT; larger ones a multipart upload. */
  singlePutMaxBytes: number;
  /** Part size for multipart uploads, raised when a file would otherwise need over 10,000 parts. */
  preferredPartSize: number;
}

export const DEFAULT_UPLOAD_POLICY: UploadPolicyConfig = {
  maxByteSize: 4 * GiB,
  singlePutMaxBytes: 64 * MiB,
  preferredPartSize: 16 * MiB,
};

export interface UploadRequest {
  meetingId: string;
  mediaId: string;
  fileName: string;
  contentType: string;
  byteSize: number;
}

export interface PartPlan {
  partNumber: number;
  offset: number;
  byteSize: number;
}

export type TransferPlan = { kind: 'single' } | { kind: 'multipart'; partSize: number; parts: PartPlan[] };

export interface UploadPlan {
  key: string;
  /** Cleaned name to show users and to offer on download. */
  fileName: string;
  /** Canonical content type (aliases such as audio/mp3 resolved). */
  contentType: string;
  byteSize: number;
  transfer: TransferPlan;
}

/** Fails at boot on a configuration S3 would refuse later. */
export function assertValidUploadPolicy(config: UploadPolicyConfig): void {
  const problems: string[] = [];
  if (!(config.maxByteSize > 0)) problems.push('maxByteSize must be positive');
  if (config.singlePutMaxBytes > S3_LIMITS.maxSinglePut) problems.push('singlePutMaxBytes exceeds 5 GiB');
  if (config.preferredPartSize < S3_LIMITS.minPartSize || config.preferredPartSize > S3_LIMITS.maxPartSize) {
    problems.push('preferredPartSize must be between 5 MiB and 5 GiB');
  }
  if (config.maxByteSize > S3_LIMITS.maxParts * S3_LIMITS.maxPartSize)
    problems.push('maxByteSize exceeds S3 limits');
  if (problems.length) throw new Error(`Invalid upload policy: ${problems.join('; ')}`);
}

/** Checks an upload request against the rules and decides its key and transfer; throws BAD_USER_INPUT. */
export function planUpload(
  request: UploadRequest,
  config: UploadPolicyConfig = DEFAULT_UPLOAD_POLICY,
): UploadPlan {
  assertSafeId('meetingId', request.meetingId);
  assertSafeId('mediaId', request.mediaId);
  const contentType = checkContentType(request.contentType);
  checkByteSize(request.byteSize, config.maxByteSize);
  const fileName = toDisplayFileName(request.fileName);
  if (!fileName) throw badInput('fileName', 'INVALID_FILE_NAME', 'The file name is empty once cleaned.');
  return {
    key: mediaObjectKey(request.meetingId, request.mediaId, toKeyFileName(fileName)),
    fileName,
    contentType,
    byteSize: request.byteSize,
    transfer: planTransfer(request.byteSize, config),
  };
}

/** Throws BAD_USER_INPUT unless the type is an accepted audio/video type; returns its canonical name. */
export function checkContentType(contentType: string): string {
  const rule = findMediaType(contentType);
  if (!rule) {
    throw badInput(
      'contentType',
      'UNSUPPORTED_CONTENT_TYPE',
      `Content type "${contentType.slice(0, 100)}" is not accepted. Upload audio or video: ${acceptedContentTypes().join(', ')}.`,
    );
  }
  return rule.contentType;
}

export function checkByteSize(byteSize: number, maxByteSize: number): void {
  if (!Number.isSafeInteger(byteSize) || byteSize <= 0) {
    throw badInput('byteSize', 'INVALID_SIZE', 'The file size must be a positive whole number of bytes.');
  }
  if (byteSize > maxByteSize) {
    throw badInput(
      'byteSize',
      'FILE_TOO_LARGE',
      `The file is larger than the ${formatBytes(maxByteSize)} limit.`,
    );
  }
}

export function planTransfer(byteSize: number, config: UploadPolicyConfig): TransferPlan {
  if (byteSize <= config.singlePutMaxBytes) return { kind: 'single' };
  const partSize = choosePartSize(byteSize, config.preferredPartSize);
  const parts: PartPlan[] = [];
  for (let offset = 0, partNumber = 1; offset < byteSize; offset += partSize, partNumber++) {
    parts.push({ partNumber, offset, byteSize: Math.min(partSize, byteSize - offset) });
  }
  return { kind: 'multipart', partSize, parts };
}

export function choosePartSize(byteSize: number, preferredPartSize: number): number {
  const smallestFitting = Math.ceil(byteSize / S3_LIMITS.maxParts / MiB) * MiB;
  return Math.max(preferredPartSize, smallestFitting, S3_LIMITS.minPartSize);
}

function formatBytes(bytes: number): string {
  return bytes >= GiB ? `${+(bytes / GiB).toFixed(2)} GiB` : `${+(bytes / MiB).toFixed(2)} MiB`;
}
