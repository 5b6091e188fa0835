import type {
  ObjectStoragePort,
  PresignedPart,
  PresignedRequest,
} from '../../storage/object-storage.port.js';
import { badInput } from '../../domain/media-error.js';
import type { UploadPlan } from './upload.policy.js';

/** What a client needs to send the bytes straight to storage. */
export type UploadSession =
  | { kind: 'single'; put: PresignedRequest }
  | { kind: 'multipart'; uploadId: string; partSize: number; parts: PresignedPart[]; expiresAt: Date };

/** Issues presigned URLs for a plan already checked by the upload policy. */
export async function openUploadSession(
  storage: ObjectStoragePort,
  plan: UploadPlan,
  expiresInSeconds: number,
): Promise<UploadSession> {
  if (plan.transfer.kind === 'single') {
    const put = await storage.presignPut({
      key: plan.key,
      contentType: plan.contentType,
      byteSize: plan.byteSize,
      expiresInSeconds,
    });
    return { kind: 'single', put };
  }
  const { uploadId } = await storage.createMultipartUpload({ key: plan.key, contentType: plan.contentType });
  const parts = await storage.presignUploadParts({
    key: plan.key,
    uploadId,
    parts: plan.transfer.parts,
    expiresInSeconds,
  });
  const expiresAt = new Date(Date.now() + expiresInSeconds * 1000);
  return { kind: 'multipart', uploadId, partSize: plan.transfer.partSize, parts, expiresAt };
}

/**
 * Completes a multipart upload from the parts storage holds (the client need not collect ETags),
 * after checking each planned part arrived whole. A missing or short part is the client's to
 * resend alone, so it is an error, not a rejection of the media.
 */
export async function completeMultipartSession(
  storage: ObjectStoragePort,
  input: { key: string; uploadId: string; plan: UploadPlan },
): Promise<void> {
  if (input.plan.transfer.kind !== 'multipart') return;
  const stored = new Map((await storage.listUploadedParts(input)).map((p) => [p.partNumber, p]));
  const faulty = input.plan.transfer.parts.filter((p) => stored.get(p.partNumber)?.byteSize !== p.byteSize);
  if (faulty.length) {
    const numbers = faulty.map((p) => p.partNumber);
    const shown = numbers.length > 10 ? `${numbers.slice(0, 10).join(', ')}…` : numbers.join(', ');
    const which = numbers.length === 1 ? `Part ${shown} is` : `Parts ${shown} are`;
    throw badInput('mediaId', 'UPLOAD_INCOMPLETE', `${which} missing or incomplete; upload it again.`);
  }
  const parts = input.plan.transfer.parts.map((p) => ({
    partNumber: p.partNumber,
    etag: stored.get(p.partNumber)!.etag,
  }));
  await storage.completeMultipartUpload({ key: input.key, uploadId: input.uploadId, parts });
}
