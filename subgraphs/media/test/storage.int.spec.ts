import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { planTransfer } from '../src/services/uploads/upload.policy.js';
import { sweepAbandonedUploads } from '../src/services/cleanup/abandoned-uploads.service.js';
import { startLocalStorage, type LocalStorage } from './support/local-storage.js';

const MiB = 1024 * 1024;

describe('S3 object storage on the local S3-compatible server', function () {
  let local: LocalStorage;

  before(async () => {
    local = await startLocalStorage();
  });
  after(() => local.stop());

  it('creates the bucket once and tolerates a second call', async () => {
    await local.storage.ensureBucket();
  });

  it('uploads through a presigned PUT that binds type and length', async () => {
    const body = randomBytes(300_000);
    const put = await local.storage.presignPut({
      key: 'meetings/m1/a1/clip.mp3',
      contentType: 'audio/mpeg',
      byteSize: body.length,
      expiresInSeconds: 300,
    });
    const signed = new URL(put.url).searchParams.get('X-Amz-SignedHeaders') ?? '';
    assert.deepEqual(signed.split(';').sort(), ['content-length', 'content-type', 'host']);
    const started = performance.now();
    const response = await fetch(put.url, { method: 'PUT', headers: put.headers, body });
    assert.equal(response.status, 200);
    console.log(`      presigned PUT of 300 kB: ${(performance.now() - started).toFixed(1)} ms`);
    const head = await local.storage.headObject('meetings/m1/a1/clip.mp3');
    assert.equal(head?.byteSize, body.length);
    assert.equal(head?.contentType, 'audio/mpeg');
  });

  it('uploads a file larger than one part through presigned part URLs, in parallel', async () => {
    const body = randomBytes(12 * MiB + 123);
    const key = 'meetings/m1/a2/long.m4a';
    const transfer = planTransfer(body.length, {
      maxByteSize: 100 * MiB,
      singlePutMaxBytes: 5 * MiB,
      preferredPartSize: 5 * MiB,
    });
    assert.equal(transfer.kind, 'multipart');
    if (transfer.kind !== 'multipart') return;
    assert.equal(transfer.parts.length, 3);

    const { uploadId } = await local.storage.createMultipartUpload({ key, contentType: 'audio/mp4' });
    const urls = await local.storage.presignUploadParts({
      key,
      uploadId,
      parts: transfer.parts,
      expiresInSeconds: 600,
    });
    const started = performance.now();
    await Promise.all(
      transfer.parts.map(async (part, i) => {
        const slice = body.subarray(part.offset, part.offset + part.byteSize);
        const response = await fetch(urls[i]!.url, { method: 'PUT', body: slice });
        assert.equal(response.status, 200);
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `      multipart ${(body.length / MiB).toFixed(1)} MiB in ${seconds.toFixed(2)} s = ${(body.length / MiB / seconds).toFixed(0)} MiB/s`,
    );

    // A failed part is retried alone: send part 2 again.
    const retry = transfer.parts[1]!;
    await fetch(urls[1]!.url, {
      method: 'PUT',
      body: body.subarray(retry.offset, retry.offset + retry.byteSize),
    });

    const uploaded = await local.storage.listUploadedParts({ key, uploadId });
    assert.deepEqual(
      uploaded.map((p) => [p.partNumber, p.byteSize]),
      transfer.parts.map((p) => [p.partNumber, p.byteSize]),
    );
    await local.storage.completeMultipartUpload({ key, uploadId, parts: uploaded });

    assert.equal((await local.storage.headObject(key))?.byteSize, body.length);
    const get = await local.storage.presignGet({ key, expiresInSeconds: 60, audience: 'internal' });
    const downloaded = Buffer.from(await (await fetch(get.url)).arrayBuffer());
    assert.ok(downloaded.equals(body), 'downloaded bytes equal the uploaded ones');
  });

  it('copies an object server-side with one CopyObject, pinned to the source ETag', async () => {
    const body = randomBytes(3 * MiB);
    const source = 'meetings/m7/a1/talk.mp3';
    await local.storage.uploadStream({ key: source, contentType: 'audio/mpeg', body: Readable.from([body]) });
    const head = (await local.storage.headObject(source))!;
    const copied = await local.storage.copyObject({
      sourceKey: source,
      targetKey: 'meetings/m7/a1/accepted/talk.mp3',
      byteSize: body.length,
      contentType: 'audio/mpeg',
      sourceEtag: head.etag,
    });
    assert.equal(copied.byteSize, body.length);
    assert.equal(copied.contentType, 'audio/mpeg');
    assert.equal(await sha256Of(local, copied.key), sha256(body));
  });

  it('copies part by part (UploadPartCopy) above the single-copy limit, and refuses a changed source', async () => {
    const storage = local.withOptions({ singleCopyMaxBytes: 5 * MiB, copyPartSize: 5 * MiB });
    const body = randomBytes(12 * MiB + 7);
    const source = 'meetings/m7/a2/long.m4a';
    await local.storage.uploadStream({ key: source, contentType: 'audio/mp4', body: Readable.from([body]) });
    const head = (await local.storage.headObject(source))!;
    const started = performance.now();
    const copied = await storage.copyObject({
      sourceKey: source,
      targetKey: 'meetings/m7/a2/accepted/long.m4a',
      byteSize: body.length,
      contentType: 'audio/mp4',
      sourceEtag: head.etag,
    });
    console.log(
      `      UploadPartCopy of ${(body.length / MiB).toFixed(0)} MiB in 3 parts: ${(performance.now() - started).toFixed(0)} ms`,
    );
    assert.equal(copied.byteSize, body.length);
    assert.equal(await sha256Of(local, copied.key), sha256(body));
    assert.deepEqual(await local.storage.listIncompleteUploads('meetings/m7/'), []);

    await assert.rejects(
      storage.copyObject({
        sourceKey: source,
        targetKey: 'meetings/m7/a2/accepted/other.m4a',
        byteSize: body.length,
        contentType: 'audio/mp4',
        sourceEtag: '"0123456789abcdef0123456789abcdef"',
      }),
      (error: Error & { details?: { reason?: string } }) => error.details?.reason === 'PreconditionFailed',
    );
    assert.equal(await local.storage.headObject('meetings/m7/a2/accepted/other.m4a'), undefined);
    assert.deepEqual(await local.storage.listIncompleteUploads('meetings/m7/'), [], 'failed copy aborted');
  });

  it('refuses a part sent to a multipart upload that was completed', async () => {
    const key = 'meetings/m8/a1/done.mp3';
    const { uploadId } = await local.storage.createMultipartUpload({ key, contentType: 'audio/mpeg' });
    const [url] = await local.storage.presignUploadParts({
      key,
      uploadId,
      parts: [{ partNumber: 1, byteSize: 5 }],
      expiresInSeconds: 60,
    });
    assert.equal((await fetch(url!.url, { method: 'PUT', body: 'first' })).status, 200);
    await local.storage.completeMultipartUpload({
      key,
      uploadId,
      parts: await local.storage.listUploadedParts({ key, uploadId }),
    });
    const again = await fetch(url!.url, { method: 'PUT', body: 'other' });
    assert.equal(again.status, 404);
    assert.match(await again.text(), /NoSuchUpload/);
    assert.deepEqual(await local.storage.listIncompleteUploads('meetings/m8/'), []);
  });

  it('signs downloads that offer the file under its own name', async () => {
    const get = await local.storage.presignGet({
      key: 'meetings/m1/a1/clip.mp3',
      expiresInSeconds: 60,
      audience: 'public',
      downloadFileName: 'Планёрка.mp3',
    });
    const response = await fetch(get.url);
    assert.equal(response.status, 200);
    assert.match(
      response.headers.get('content-disposition') ?? '',
      /^attachment; filename=".*\.mp3"; filename\*=UTF-8''%D0%9F/,
    );
    await response.arrayBuffer();
  });

  it('aborts abandoned multipart uploads older than the cut-off', async () => {
    const { uploadId } = await local.storage.createMultipartUpload({
      key: 'meetings/m9/a1/x.mp4',
      contentType: 'video/mp4',
    });
    const pending = await local.storage.listIncompleteUploads('meetings/m9/');
    assert.deepEqual(
      pending.map((u) => u.uploadId),
      [uploadId],
    );

    assert.equal(
      await sweepAbandonedUploads(local.storage, { olderThanHours: 24, prefix: 'meetings/m9/' }),
      0,
    );
    const tomorrow = new Date(Date.now() + 25 * 3_600_000);
    assert.equal(
      await sweepAbandonedUploads(local.storage, {
        olderThanHours: 24,
        prefix: 'meetings/m9/',
        now: tomorrow,
      }),
      1,
    );
    assert.deepEqual(await local.storage.listIncompleteUploads('meetings/m9/'), []);
  });

  it('reports that the local server has no lifecycle rules', async () => {
    assert.equal(await local.storage.applyAbortIncompleteUploadsRule(1), false);
  });

  it('deletes everything under a meeting, pending uploads included', async () => {
    await local.storage.uploadStream({
      key: 'meetings/m5/a1/one.mp3',
      contentType: 'audio/mpeg',
      body: streamOf('one'),
    });
    await local.storage.uploadStream({
      key: 'meetings/m5/a2/two.mp3',
      contentType: 'audio/mpeg',
      body: streamOf('two'),
    });
    await local.storage.uploadStream({
      key: 'meetings/m55/a1/keep.mp3',
      contentType: 'audio/mpeg',
      body: streamOf('keep'),
    });
    await local.storage.createMultipartUpload({ key: 'meetings/m5/a3/big.mp4', contentType: 'video/mp4' });

    assert.equal(await local.storage.deletePrefix('meetings/m5/'), 2);
    assert.equal(await local.storage.headObject('meetings/m5/a1/one.mp3'), undefined);
    assert.equal((await local.storage.headObject('meetings/m55/a1/keep.mp3'))?.byteSize, 4);
    assert.deepEqual(await local.storage.listIncompleteUploads('meetings/m5/'), []);
  });
});

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

async function sha256Of(local: LocalStorage, key: string): Promise<string> {
  const get = await local.storage.presignGet({ key, expiresInSeconds: 60, audience: 'internal' });
  return sha256(new Uint8Array(await (await fetch(get.url)).arrayBuffer()));
}

function streamOf(text: string): Readable {
  return Readable.from([Buffer.from(text)]);
}
