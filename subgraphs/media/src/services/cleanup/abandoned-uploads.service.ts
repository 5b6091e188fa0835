import type { ObjectStoragePort } from '../../storage/object-storage.port.js';

export interface SweepOptions {
  /** Uploads started longer ago than this are abandoned: presigned part URLs have long expired. */
  olderThanHours: number;
  prefix?: string;
  now?: Date;
}

/**
 * Aborts multipart uploads nobody completed, freeing their parts. Runs on a timer; it is the
 * fallback for stores without lifecycle rules (the local server, some MinIO setups).
 */
export async function sweepAbandonedUploads(
  storage: ObjectStoragePort,
  options: SweepOptions,
): Promise<number> {
  const cutOff = (options.now ?? new Date()).getTime() - options.olderThanHours * 3_600_000;
  const uploads = await storage.listIncompleteUploads(options.prefix ?? 'meetings/');
  const abandoned = uploads.filter((u) => u.initiatedAt.getTime() < cutOff);
  for (const upload of abandoned) await storage.abortMultipartUpload(upload);
  return abandoned.length;
}
