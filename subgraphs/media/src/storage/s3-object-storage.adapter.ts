import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CopyObjectCommand,
  CreateBucketCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetBucketLifecycleConfigurationCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListMultipartUploadsCommand,
  ListObjectsV2Command,
  ListPartsCommand,
  PutBucketLifecycleConfigurationCommand,
  PutObjectCommand,
  UploadPartCommand,
  type LifecycleRule,
  type S3Client,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { Readable } from 'node:stream';
import { attachmentDisposition } from './content-disposition.js';
import type {
  IncompleteUpload,
  ObjectStoragePort,
  PresignedPart,
  PresignedRequest,
  StoredObject,
  UploadedPart,
  UrlAudience,
} from './object-storage.port.js';
import { callS3, isS3NotFound, isS3NotImplemented } from './s3-error.js';
import { copySource, multipartCopy } from './s3-multipart-copy.js';

const ABORT_RULE_ID = 'mymeet-abort-incomplete-multipart-uploads';
const MiB = 1024 * 1024;

export interface S3ObjectStorageOptions {
  bucket: string;
  /** Talks to the store. */
  client: S3Client;
  /** Signs URLs handed to clients; defaults to `client` when both see the same endpoint. */
  publicClient?: S3Client;
  /** Memory bound of server-side streaming uploads: partSize × queueSize. */
  streamPartSize?: number;
  streamQueueSize?: number;
  /** Objects up to this size are copied with one CopyObject (S3 allows 5 GiB); larger ones part by part. */
  singleCopyMaxBytes?: number;
  /** Bytes per UploadPartCopy when copying part by part. */
  copyPartSize?: number;
}

/** Object storage on any S3 API (AWS S3, MinIO, the embedded local server). */
export class S3ObjectStorage implements ObjectStoragePort {
  private readonly bucket: string;
  private readonly client: S3Client;
  private readonly publicClient: S3Client;

  constructor(private readonly options: S3ObjectStorageOptions) {
    this.bucket = options.bucket;
    this.client = options.client;
    this.publicClient = options.publicClient ?? options.client;
  }

  async ensureBucket(): Promise<void> {
    await callS3('ensureBucket', async () => {
      try {
        await this.client.send(new HeadBucketCommand({ Bucket: this.bucket }));
      } catch (error) {
        if (!isS3NotFound(error)) throw error;
        await this.client.send(new CreateBucketCommand({ Bucket: this.bucket }));
      }
    });
  }

  async applyAbortIncompleteUploadsRule(days: number): Promise<boolean> {
    return callS3('applyAbortIncompleteUploadsRule', async () => {
      try {
        const rules = await this.lifecycleRules();
        const rule: LifecycleRule = {
          ID: ABORT_RULE_ID,
          Status: 'Enabled',
          Filter: { Prefix: '' },
          AbortIncompleteMultipartUpload: { DaysAfterInitiation: days },
        };
        // Keep rules an operator set on the bucket; replace only ours.
        const merged = [...rules.filter((r) => r.ID !== ABORT_RULE_ID), rule];
        await this.client.send(
          new PutBucketLifecycleConfigurationCommand({
            Bucket: this.bucket,
            LifecycleConfiguration: { Rules: merged },
          }),
        );
        return true;
      } catch (error) {
        if (isS3NotImplemented(error)) return false;
        throw error;
      }
    });
  }

  async presignPut(input: {
    key: string;
    contentType: string;
    byteSize: number;
    expiresInSeconds: number;
  }): Promise<PresignedRequest> {
    const command = new PutObjectCommand({
      Bucket: this.bucket,
      Key: input.key,
      ContentType: input.contentType,
      ContentLength: input.byteSize,
    });
    const url = await callS3('presignPut', () =>
      getSignedUrl(
        this.publicClient,
        command,
        signOptions(input.expiresInSeconds, ['content-type', 'content-length']),
      ),
    );
    return {
      method: 'PUT',
      url,
      headers: { 'Content-Type': input.contentType },
      expiresAt: expiry(input.expiresInSeconds),
    };
  }

  async presignGet(input: {
    key: string;
    expiresInSeconds: number;
    audience: UrlAudience;
    downloadFileName?: string;
  }): Promise<PresignedRequest> {
    const command = new GetObjectCommand({
      Bucket: this.bucket,
      Key: input.key,
      ResponseContentDisposition: input.downloadFileName
        ? attachmentDisposition(input.downloadFileName)
        : undefined,
    });
    const signer = input.audience === 'public' ? this.publicClient : this.client;
    const url = await callS3('presignGet', () =>
      getSignedUrl(signer, command, signOptions(input.expiresInSeconds)),
    );
    return { method: 'GET', url, headers: {}, expiresAt: expiry(input.expiresInSeconds) };
  }

  async createMultipartUpload(input: { key: string; contentType: string }): Promise<{ uploadId: string }> {
    const result = await callS3('createMultipartUpload', () =>
      this.client.send(
        new CreateMultipartUploadCommand({
          Bucket: this.bucket,
          Key: input.key,
          ContentType: input.contentType,
        }),
      ),
    );
    if (!result.UploadId) throw new Error('S3 returned no UploadId');
    return { uploadId: result.UploadId };
  }

  async presignUploadParts(input: {
    key: string;
    uploadId: string;
    parts: ReadonlyArray<{ partNumber: number; byteSize: number }>;
    expiresInSeconds: number;
  }): Promise<PresignedPart[]> {
    const expiresAt = expiry(input.expiresInSeconds);
    return Promise.all(
      input.parts.map(async (part) => {
        const command = new UploadPartCommand({
          Bucket: this.bucket,
          Key: input.key,
          UploadId: input.uploadId,
          PartNumber: part.partNumber,
          ContentLength: part.byteSize,
        });
        const url = await callS3('presignUploadParts', () =>
          getSignedUrl(this.publicClient, command, signOptions(input.expiresInSeconds, ['content-length'])),
        );
        return { partNumber: part.partNumber, method: 'PUT' as const, url, headers: {}, expiresAt };
      }),
    );
  }

  async listUploadedParts(input: { key: string; uploadId: string }): Promise<UploadedPart[]> {
    return callS3('listUploadedParts', async () => {
      const parts: UploadedPart[] = [];
      let marker: string | undefined;
      do {
        const page = await this.client.send(
          new ListPartsCommand({
            Bucket: this.bucket,
            Key: input.key,
            UploadId: input.uploadId,
            PartNumberMarker: marker,
          }),
        );
        for (const p of page.Parts ?? []) {
          if (p.PartNumber !== undefined && p.ETag)
            parts.push({ partNumber: p.PartNumber, etag: p.ETag, byteSize: p.Size ?? 0 });
        }
        marker = page.IsTruncated ? page.NextPartNumberMarker : undefined;
      } while (marker);
      return parts;
    });
  }

  async completeMultipartUpload(input: {
    key: string;
    uploadId: string;
    parts: ReadonlyArray<{ partNumber: number; etag: string }>;
  }): Promise<void> {
    const parts = [...input.parts].sort((a, b) => a.partNumber - b.partNumber);
    await callS3('completeMultipartUpload', () =>
      this.client.send(
        new CompleteMultipartUploadCommand({
          Bucket: this.bucket,
          Key: input.key,
          UploadId: input.uploadId,
          MultipartUpload: { Parts: parts.map((p) => ({ PartNumber: p.partNumber, ETag: p.etag })) },
        }),
      ),
    );
  }

  async abortMultipartUpload(input: { key: string; uploadId: string }): Promise<void> {
    await callS3('abortMultipartUpload', async () => {
      try {
        await this.client.send(
          new AbortMultipartUploadCommand({ Bucket: this.bucket, Key: input.key, UploadId: input.uploadId }),
        );
      } catch (error) {
        if (!isS3NotFound(error)) throw error; // already gone is what we wanted
      }
    });
  }

  async listIncompleteUploads(prefix?: string): Promise<IncompleteUpload[]> {
    return callS3('listIncompleteUploads', async () => {
      const uploads: IncompleteUpload[] = [];
      let keyMarker: string | undefined;
      let uploadIdMarker: string | undefined;
      do {
        const page = await this.client.send(
          new ListMultipartUploadsCommand({
            Bucket: this.bucket,
            Prefix: prefix,
            KeyMarker: keyMarker,
            UploadIdMarker: uploadIdMarker,
          }),
        );
        for (const u of page.Uploads ?? []) {
          if (u.Key && u.UploadId)
            uploads.push({ key: u.Key, uploadId: u.UploadId, initiatedAt: u.Initiated ?? new Date(0) });
        }
        [keyMarker, uploadIdMarker] = page.IsTruncated
          ? [page.NextKeyMarker, page.NextUploadIdMarker]
          : [undefined, undefined];
      } while (keyMarker);
      return uploads;
    });
  }

  async uploadStream(input: { key: string; contentType: string; body: Readable }): Promise<StoredObject> {
    await callS3('uploadStream', () =>
      new Upload({
        client: this.client,
        params: { Bucket: this.bucket, Key: input.key, ContentType: input.contentType, Body: input.body },
        partSize: this.options.streamPartSize ?? 8 * MiB,
        queueSize: this.options.streamQueueSize ?? 4,
        leavePartsOnError: false,
      }).done(),
    );
    const stored = await this.headObject(input.key);
    if (!stored) throw new Error(`Object ${input.key} missing right after upload`);
    return stored;
  }

  async headObject(key: string): Promise<StoredObject | undefined> {
    return callS3('headObject', async () => {
      try {
        const head = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
        return { key, byteSize: head.ContentLength ?? 0, contentType: head.ContentType, etag: head.ETag };
      } catch (error) {
        if (isS3NotFound(error)) return undefined;
        throw error;
      }
    });
  }

  async copyObject(input: {
    sourceKey: string;
    targetKey: string;
    byteSize: number;
    contentType: string;
    sourceEtag?: string;
  }): Promise<StoredObject> {
    await callS3('copyObject', async () => {
      if (input.byteSize <= (this.options.singleCopyMaxBytes ?? 5 * 1024 * MiB)) {
        await this.client.send(
          new CopyObjectCommand({
            Bucket: this.bucket,
            Key: input.targetKey,
            CopySource: copySource(this.bucket, input.sourceKey),
            CopySourceIfMatch: input.sourceEtag,
            MetadataDirective: 'COPY',
          }),
        );
        return;
      }
      await multipartCopy({
        client: this.client,
        bucket: this.bucket,
        ...input,
        partSize: this.options.copyPartSize ?? 512 * MiB,
        concurrency: 4,
      });
    });
    const stored = await this.headObject(input.targetKey);
    if (!stored) throw new Error(`Object ${input.targetKey} missing right after copy`);
    return stored;
  }

  async deleteObject(key: string): Promise<void> {
    await callS3('deleteObject', () =>
      this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key })),
    );
  }

  async deletePrefix(prefix: string): Promise<number> {
    if (!prefix.endsWith('/')) throw new Error('deletePrefix needs a folder-like prefix ending in "/"');
    const pending = await this.listIncompleteUploads(prefix).catch(() => [] as IncompleteUpload[]);
    await Promise.all(pending.map((u) => this.abortMultipartUpload(u)));
    return callS3('deletePrefix', async () => {
      let deleted = 0;
      let token: string | undefined;
      do {
        const page = await this.client.send(
          new ListObjectsV2Command({ Bucket: this.bucket, Prefix: prefix, ContinuationToken: token }),
        );
        const keys = (page.Contents ?? []).flatMap((o) => (o.Key ? [{ Key: o.Key }] : []));
        if (keys.length) {
          await this.client.send(
            new DeleteObjectsCommand({ Bucket: this.bucket, Delete: { Objects: keys, Quiet: true } }),
          );
          deleted += keys.length;
        }
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (token);
      return deleted;
    });
  }

  private async lifecycleRules(): Promise<LifecycleRule[]> {
    try {
      const current = await this.client.send(
        new GetBucketLifecycleConfigurationCommand({ Bucket: this.bucket }),
      );
      return current.Rules ?? [];
    } catch (error) {
      if (isS3NotFound(error) || (error as { name?: string }).name === 'NoSuchLifecycleConfiguration')
        return [];
      throw error;
    }
  }
}

function expiry(seconds: number): Date {
  return new Date(Date.now() + seconds * 1000);
}

/** Headers named here are signed, so the store refuses a request whose values differ. */
function signOptions(expiresIn: number, signedHeaders: string[] = []) {
  return { expiresIn, signableHeaders: new Set(signedHeaders) };
}
