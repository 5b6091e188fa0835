import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { MediaError } from '../src/domain/media-error.js';
import { planUpload, type UploadPolicyConfig } from '../src/services/uploads/upload.policy.js';
import {
  completeMultipartSession,
  openUploadSession,
} from '../src/services/uploads/upload-session.service.js';
import { startLocalStorage, type LocalStorage } from './support/local-storage.js';

const MiB = 1024 * 1024;
const policy: UploadPolicyConfig = {
  maxByteSize: 100 * MiB,
  singlePutMaxBytes: 5 * MiB,
  preferredPartSize: 5 * MiB,
};

describe('upload sessions on the local S3-compatible server', () => {
  let local: LocalStorage;
  before(async () => {
    local = await startLocalStorage();
  });
  after(() => local.stop());

  const request = (byteSize: number, mediaId: string) => ({
    meetingId: 'm-session',
    mediaId,
    fileName: 'All hands.m4a',
    contentType: 'audio/x-m4a',
    byteSize,
  });

  it('gives small files one presigned PUT', async () => {
    const plan = planUpload(request(1000, 'small'), policy);
    const session = await openUploadSession(local.storage, plan, 600);
    assert.equal(session.kind, 'single');
    if (session.kind !== 'single') return;
    assert.deepEqual(session.put.headers, { 'Content-Type': 'audio/mp4' });
    const response = await fetch(session.put.url, {
      method: 'PUT',
      headers: session.put.headers,
      body: randomBytes(1000),
    });
    assert.equal(response.status, 200);
  });

  it('gives large files parts, refuses to complete with a part missing, then completes once it is resent', async () => {
    const body = randomBytes(11 * MiB);
    const plan = planUpload(request(body.length, 'large'), policy);
    const session = await openUploadSession(local.storage, plan, 600);
    assert.equal(session.kind, 'multipart');
    if (session.kind !== 'multipart' || plan.transfer.kind !== 'multipart') return;
    assert.equal(session.parts.length, 3);
    const send = (i: number) => {
      const part = plan.transfer.kind === 'multipart' ? plan.transfer.parts[i]! : assert.fail();
      return fetch(session.parts[i]!.url, {
        method: 'PUT',
        body: body.subarray(part.offset, part.offset + part.byteSize),
      });
    };
    await Promise.all([send(0), send(2)]); // part 2 "failed"

    const finish = () =>
      completeMultipartSession(local.storage, { key: plan.key, uploadId: session.uploadId, plan });
    await assert.rejects(finish(), (error: unknown) => {
      assert.ok(error instanceof MediaError);
      assert.equal(error.details.reason, 'UPLOAD_INCOMPLETE');
      assert.match(error.message, /Part 2 is missing/);
      return true;
    });

    await send(1);
    await finish();
    assert.equal((await local.storage.headObject(plan.key))?.byteSize, body.length);
  });
});
