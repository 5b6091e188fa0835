import type { Readable } from 'node:stream';

/** A request the holder may make without credentials until `expiresAt`. */
export interface PresignedRequest {
  method: 'GET' | 'PUT';
  url: string;
  /** Headers the request must carry exactly: they are part of the signature. */
  headers: Record<string, string>;
  expiresAt: Date;
}

export interface PresignedPart extends PresignedRequest {
  partNumber: number;
}

export interface StoredObject {
  key: string;
  byteSize: number;
  contentType?: string;
  etag?: string;
}

export interface UploadedPart {
  partNumber: number;
  etag: string;
  byteSize: number;
}

export interface IncompleteUpload {
  key: string;
  uploadId: string;
  initiatedAt: Date;
}

/**
 * Who will use a presigned URL: the public endpoint may differ from the one services reach
 * (a browser sees the CDN or public MinIO name; ffprobe inside the cluster the internal one).
 */
export type UrlAudience = 'public' | 'internal';

/** Object storage as the media domain sees it. Keys are full object keys inside one bucket. */
export interface ObjectStoragePort {
  ensureBucket(): Promise<void>;
  /** Asks the store to abort multipart uploads left incomplete for `days`; false if unsupported. */
  applyAbortIncompleteUploadsRule(days: number): Promise<boolean>;

  presignPut(input: {
    key: string;
    contentType: string;
    byteSize: number;
    expiresInSeconds: number;
  }): Promise<PresignedRequest>;
  presignGet(input: {
    key: string;
    expiresInSeconds: number;
    audience: UrlAudience;
    /** Offer the file under this name (Content-Disposition: attachment). */
    downloadFileName?: string;
  }): Promise<PresignedRequest>;

  createMultipartUpload(input: { key: string; contentType: string }): Promise<{ uploadId: string }>;
  presignUploadParts(input: {
    key: string;
    uploadId: string;
    parts: ReadonlyArray<{ partNumber: number; byteSize: number }>;
    expiresInSeconds: number;
  }): Promise<PresignedPart[]>;
  listUploadedParts(input: { key: string; uploadId: string }): Promise<UploadedPart[]>;
  completeMultipartUpload(input: {
    key: string;
    uploadId: string;
    parts: ReadonlyArray<{ partNumber: number; etag: string }>;
  }): Promise<void>;
  abortMultipartUpload(input: { key: string; uploadId: string }): Promise<void>;
  listIncompleteUploads(prefix?: string): Promise<IncompleteUpload[]>;

  /** Streams a body of unknown length into the store in bounded memory. */
  uploadStream(input: { key: string; contentType: string; body: Readable }): Promise<StoredObject>;
  headObject(key: string): Promise<StoredObject | undefined>;
  /**
   * Copies an object inside the store, server-side (no bytes through this process). With
   * `sourceEtag`, the copy fails unless the source still has that ETag.
   */
  copyObject(input: {
    sourceKey: string;
    targetKey: string;
    byteSize: number;
    contentType: string;
    sourceEtag?: string;
  }): Promise<StoredObject>;
  deleteObject(key: string): Promise<void>;
  /** Deletes every object under the prefix and aborts its pending uploads; returns objects deleted. */
  deletePrefix(prefix: string): Promise<number>;
}
