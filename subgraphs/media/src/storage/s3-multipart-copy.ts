import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  UploadPartCopyCommand,
  type S3Client,
} from '@aws-sdk/client-s3';

const MiB = 1024 * 1024;

export interface MultipartCopyInput {
  client: S3Client;
  bucket: string;
  sourceKey: string;
  targetKey: string;
  byteSize: number;
  contentType: string;
  sourceEtag?: string;
  /** Bytes per UploadPartCopy (S3: 5 MiB–5 GiB, at most 10,000 parts; raised to fit). */
  partSize: number;
  /** Parts copied at once. */
  concurrency: number;
}

/** `bucket/key` as `x-amz-copy-source` wants it: each path segment URL-encoded. */
export function copySource(bucket: string, key: string): string {
  return `${bucket}/${key.split('/').map(encodeURIComponent).join('/')}`;
}

/**
 * Copies an object too large for one CopyObject (over 5 GiB on S3) as a multipart upload of
 * UploadPartCopy ranges, all server-side. Every part is pinned to the source ETag when given, so
 * a source replaced mid-copy fails the copy instead of mixing two versions. Aborted on failure.
 */
export async function multipartCopy(input: MultipartCopyInput): Promise<void> {
  const { client, bucket } = input;
  const created = await client.send(
    new CreateMultipartUploadCommand({
      Bucket: bucket,
      Key: input.targetKey,
      ContentType: input.contentType,
    }),
  );
  const uploadId = created.UploadId;
  if (!uploadId) throw new Error('S3 returned no UploadId');
  try {
    const ranges = partRanges(input.byteSize, input.partSize);
    const etags: string[] = new Array<string>(ranges.length);
    let next = 0;
    const worker = async () => {
      while (next < ranges.length) {
        const index = next++;
        const range = ranges[index]!;
        const copied = await client.send(
          new UploadPartCopyCommand({
            Bucket: bucket,
            Key: input.targetKey,
            UploadId: uploadId,
            PartNumber: index + 1,
            CopySource: copySource(bucket, input.sourceKey),
            CopySourceRange: `bytes=${range.start}-${range.end}`,
            CopySourceIfMatch: input.sourceEtag,
          }),
        );
        const etag = copied.CopyPartResult?.ETag;
        if (!etag) throw new Error(`S3 returned no ETag for copied part ${index + 1}`);
        etags[index] = etag;
      }
    };
    await Promise.all(Array.from({ length: Math.min(input.concurrency, ranges.length) }, worker));
    await client.send(
      new CompleteMultipartUploadCommand({
        Bucket: bucket,
        Key: input.targetKey,
        UploadId: uploadId,
        MultipartUpload: { Parts: etags.map((ETag, i) => ({ PartNumber: i + 1, ETag })) },
      }),
    );
  } catch (error) {
    await client
      .send(new AbortMultipartUploadCommand({ Bucket: bucket, Key: input.targetKey, UploadId: uploadId }))
      .catch(() => undefined);
    throw error;
  }
}

/** Inclusive byte ranges covering the object, at most 10,000 of them. */
export function partRanges(
  byteSize: number,
  preferredPartSize: number,
): Array<{ start: number; end: number }> {
  const partSize = Math.max(preferredPartSize, 5 * MiB, Math.ceil(byteSize / 10_000 / MiB) * MiB);
  const ranges: Array<{ start: number; end: number }> = [];
  for (let start = 0; start < byteSize; start += partSize) {
    ranges.push({ start, end: Math.min(start + partSize, byteSize) - 1 });
  }
  return ranges;
}
