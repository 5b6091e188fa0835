import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** Where s3rver 3.7 keeps an object's bytes and MD5: `<dir>/<bucket>/<key dirs>/<name>._S3rver_object`. */
export function s3rverObjectPath(directory: string, bucket: string, key: string): string {
  const parts = key.split('/');
  const name = parts.pop() ?? '';
  return join(directory, bucket, ...parts, `${name}._S3rver_object`);
}

export type PartCopyResult =
  | { ok: true; etag: string; lastModified: Date }
  | { ok: false; status: number; code: string; message: string };

/**
 * UploadPartCopy (a byte range of a stored object becomes one part of a multipart upload), which
 * s3rver answers NotImplemented. Copies objects larger than one CopyObject allows (5 GiB on S3) the
 * same way here as on S3 and MinIO. Honours `x-amz-copy-source-if-match` like S3 does.
 */
export async function copyPart(input: {
  directory: string;
  copySource: string;
  range?: string;
  ifMatch?: string;
  partPath: string;
}): Promise<PartCopyResult> {
  const source = decodeURIComponent(input.copySource.replace(/^\//, '').split('?')[0] ?? '');
  const [bucket = '', ...keyParts] = source.split('/');
  const key = keyParts.join('/');
  if (!bucket || !key || keyParts.includes('..')) {
    return { ok: false, status: 400, code: 'InvalidArgument', message: 'Bad x-amz-copy-source.' };
  }
  const objectPath = s3rverObjectPath(input.directory, bucket, key);
  const size = await stat(objectPath).then(
    (info) => info.size,
    () => undefined,
  );
  if (size === undefined) {
    return { ok: false, status: 404, code: 'NoSuchKey', message: 'The specified key does not exist.' };
  }
  if (input.ifMatch) {
    const md5 = await readFile(`${objectPath}.md5`, 'utf8').catch(() => '');
    if (input.ifMatch.replace(/"/g, '') !== md5.replace(/"/g, '')) {
      return { ok: false, status: 412, code: 'PreconditionFailed', message: 'The source ETag differs.' };
    }
  }
  const range = parseRange(input.range, size);
  if (!range) {
    return { ok: false, status: 416, code: 'InvalidRange', message: 'The requested range is not valid.' };
  }
  const hash = createHash('md5');
  await pipeline(
    createReadStream(objectPath, range),
    new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        hash.update(chunk);
        callback(null, chunk);
      },
    }),
    createWriteStream(input.partPath),
  );
  const etag = hash.digest('hex');
  await writeFile(`${input.partPath}.md5`, etag);
  return { ok: true, etag, lastModified: new Date() };
}

function parseRange(header: string | undefined, size: number): { start: number; end: number } | undefined {
  if (!header) return size > 0 ? { start: 0, end: size - 1 } : undefined;
  const match = /^bytes=(\d+)-(\d+)$/.exec(header.trim());
  if (!match) return undefined;
  const start = Number(match[1]);
  const end = Number(match[2]);
  return start <= end && end < size ? { start, end } : undefined;
}
