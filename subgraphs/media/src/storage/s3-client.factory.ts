import { S3Client } from '@aws-sdk/client-s3';

export interface S3ConnectionConfig {
  region: string;
  /** Unset for AWS S3; the MinIO or local server URL otherwise. */
  endpoint?: string;
  /** Path-style addressing (`endpoint/bucket/key`), needed by MinIO and the local server. */
  forcePathStyle: boolean;
  credentials?: { accessKeyId: string; secretAccessKey: string };
}

export function createS3Client(config: S3ConnectionConfig): S3Client {
  return new S3Client({
    region: config.region,
    endpoint: config.endpoint,
    forcePathStyle: config.forcePathStyle,
    credentials: config.credentials,
    // Flexible checksums on every request corrupt streamed uploads on s3rver and are not needed
    // by MinIO; S3 still gets them where an operation requires one.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}
