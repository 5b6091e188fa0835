import { GetObjectCommand, HeadObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { AsrError } from '../domain/asr-error.js';
import type { RecordingSourcePort } from './recording-source.port.js';

export interface S3SourceOptions {
  region: string;
  endpoint?: string;
  forcePathStyle: boolean;
  credentials?: { accessKeyId: string; secretAccessKey: string };
  bucket: string;
  urlTtlSeconds: number;
}

/** Recordings in S3-compatible storage (AWS S3, MinIO, the local server), read through presigned GETs. */
export class S3RecordingSource implements RecordingSourcePort {
  private readonly client: S3Client;

  constructor(private readonly options: S3SourceOptions) {
    this.client = new S3Client({
      region: options.region,
      endpoint: options.endpoint,
      forcePathStyle: options.forcePathStyle,
      credentials: options.credentials,
      // Flexible checksums corrupt requests on the local s3rver and are not needed by MinIO.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  }

  async urlFor(objectKey: string): Promise<string> {
    const target = { Bucket: this.options.bucket, Key: objectKey };
    try {
      await this.client.send(new HeadObjectCommand(target));
    } catch (error) {
      const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
      if (status === 404)
        throw new AsrError(
          'MEDIA_NOT_FOUND',
          'The recording is no longer in storage.',
          { reason: 'MEDIA_NOT_FOUND' },
          error,
        );
      throw new AsrError(
        'SOURCE_UNAVAILABLE',
        'Object storage did not answer; the job will be retried.',
        {},
        error,
      );
    }
    return getSignedUrl(this.client, new GetObjectCommand(target), { expiresIn: this.options.urlTtlSeconds });
  }

  /** Storage answers (readiness). */
  async isReachable(): Promise<boolean> {
    return getSignedUrl(this.client, new GetObjectCommand({ Bucket: this.options.bucket, Key: 'ready' }), {
      expiresIn: 10,
    })
      .then(
        async (url) =>
          (await fetch(url, { method: 'HEAD', signal: AbortSignal.timeout(2_000) })).status < 500,
      )
      .catch(() => false);
  }

  close(): void {
    this.client.destroy();
  }
}
