import { readdir, readFile, rm, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { copyPart } from './local-s3-part-copy.js';

/*
 * s3rver 3.7 implements create/upload-part/complete but answers NotImplemented or MethodNotAllowed
 * for ListMultipartUploads, ListParts, AbortMultipartUpload and UploadPartCopy, which the media
 * service needs to complete uploads without client-side ETags, sweep abandoned uploads and copy
 * large objects. These calls are served here from s3rver's own on-disk layout:
 * <dir>/<bucket>/._S3rver_uploads/<uploadId>/{key,1,1.md5,…}. A part sent to an upload that does
 * not exist (completed or aborted) is refused as S3 does; s3rver alone would store it in a new folder.
 */
const UPLOADS_FOLDER = '._S3rver_uploads';

interface PendingUpload {
  uploadId: string;
  key: string;
  initiated: Date;
}

/** Serves the multipart calls s3rver lacks; returns false when the request is not one of them. */
export async function handleMultipartGaps(
  directory: string,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<boolean> {
  const url = new URL(req.url ?? '/', 'http://local');
  const [bucket, ...keyParts] = url.pathname.slice(1).split('/').map(decodeURIComponent);
  if (!bucket) return false;
  const key = keyParts.join('/');
  const uploadsDir = join(directory, bucket, UPLOADS_FOLDER);
  const uploadId = url.searchParams.get('uploadId');

  if (req.method === 'GET' && !key && url.searchParams.has('uploads')) {
    const prefix = url.searchParams.get('prefix') ?? '';
    const uploads = (await listUploads(uploadsDir)).filter((u) => u.key.startsWith(prefix));
    sendXml(res, 200, listUploadsXml(bucket, prefix, uploads));
    return true;
  }
  if (!key || !uploadId || !/^[0-9a-f]+$/.test(uploadId)) return false;
  const upload = await readUpload(uploadsDir, uploadId);
  if (req.method === 'PUT' && url.searchParams.has('partNumber')) {
    if (upload?.key !== key) {
      sendXml(res, 404, errorXml('NoSuchUpload', 'The specified upload does not exist.'));
      return true;
    }
    const copySource = req.headers['x-amz-copy-source'];
    if (typeof copySource !== 'string') return false; // a plain part: s3rver stores it
    const partNumber = Number(url.searchParams.get('partNumber'));
    if (!Number.isInteger(partNumber) || partNumber < 1 || partNumber > 10_000) {
      sendXml(res, 400, errorXml('InvalidArgument', 'Part number must be between 1 and 10000.'));
      return true;
    }
    const copied = await copyPart({
      directory,
      copySource,
      range: headerValue(req.headers['x-amz-copy-source-range']),
      ifMatch: headerValue(req.headers['x-amz-copy-source-if-match']),
      partPath: join(uploadsDir, uploadId, String(partNumber)),
    });
    if (!copied.ok) sendXml(res, copied.status, errorXml(copied.code, copied.message));
    else
      sendXml(
        res,
        200,
        `<CopyPartResult><LastModified>${copied.lastModified.toISOString()}</LastModified>` +
          `<ETag>"${copied.etag}"</ETag></CopyPartResult>`,
      );
    return true;
  }
  if ((req.method === 'GET' || req.method === 'DELETE') && upload?.key !== key) {
    sendXml(res, 404, errorXml('NoSuchUpload', 'The specified upload does not exist.'));
    return true;
  }
  if (req.method === 'DELETE') {
    await rm(join(uploadsDir, uploadId), { recursive: true, force: true });
    res.writeHead(204).end();
    return true;
  }
  if (req.method === 'GET') {
    sendXml(res, 200, await listPartsXml(bucket, key, uploadId, join(uploadsDir, uploadId)));
    return true;
  }
  return false;
}

async function listUploads(uploadsDir: string): Promise<PendingUpload[]> {
  const ids = await readdir(uploadsDir).catch(() => [] as string[]);
  const uploads = await Promise.all(ids.map((id) => readUpload(uploadsDir, id)));
  return uploads.filter((u): u is PendingUpload => u !== undefined);
}

async function readUpload(uploadsDir: string, uploadId: string): Promise<PendingUpload | undefined> {
  try {
    const keyFile = join(uploadsDir, uploadId, 'key');
    const [key, info] = await Promise.all([readFile(keyFile, 'utf8'), stat(keyFile)]);
    return { uploadId, key, initiated: info.mtime };
  } catch {
    return undefined;
  }
}

async function listPartsXml(bucket: string, key: string, uploadId: string, dir: string) {
  const names = (await readdir(dir)).filter((n) => /^\d+$/.test(n));
  const parts = await Promise.all(
    names.map(async (n) => {
      const [info, md5] = await Promise.all([stat(join(dir, n)), readFile(join(dir, `${n}.md5`), 'utf8')]);
      return { number: Number(n), size: info.size, md5, modified: info.mtime };
    }),
  );
  parts.sort((a, b) => a.number - b.number);
  const partsXml = parts
    .map(
      (p) =>
        `<Part><PartNumber>${p.number}</PartNumber><LastModified>${p.modified.toISOString()}</LastModified>` +
        `<ETag>"${p.md5}"</ETag><Size>${p.size}</Size></Part>`,
    )
    .join('');
  return (
    `<ListPartsResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Bucket>${escapeXml(bucket)}</Bucket>` +
    `<Key>${escapeXml(key)}</Key><UploadId>${uploadId}</UploadId><IsTruncated>false</IsTruncated>` +
    `${partsXml}</ListPartsResult>`
  );
}

function listUploadsXml(bucket: string, prefix: string, uploads: PendingUpload[]): string {
  const items = uploads
    .map(
      (u) =>
        `<Upload><Key>${escapeXml(u.key)}</Key><UploadId>${u.uploadId}</UploadId>` +
        `<Initiated>${u.initiated.toISOString()}</Initiated></Upload>`,
    )
    .join('');
  return (
    `<ListMultipartUploadsResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">` +
    `<Bucket>${escapeXml(bucket)}</Bucket><Prefix>${escapeXml(prefix)}</Prefix>` +
    `<IsTruncated>false</IsTruncated>${items}</ListMultipartUploadsResult>`
  );
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function errorXml(code: string, message: string): string {
  return `<Error><Code>${code}</Code><Message>${escapeXml(message)}</Message></Error>`;
}

function sendXml(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, { 'content-type': 'application/xml' });
  res.end(`<?xml version="1.0" encoding="UTF-8"?>\n${body}`);
}

function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);
}
