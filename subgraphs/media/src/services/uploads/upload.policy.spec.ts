import assert from 'node:assert/strict';
import { MediaError } from '../../domain/media-error.js';
import {
  choosePartSize,
  DEFAULT_UPLOAD_POLICY,
  planUpload,
  S3_LIMITS,
  type UploadRequest,
} from './upload.policy.js';

const MiB = 1024 * 1024;
const request: UploadRequest = {
  meetingId: 'm-1',
  mediaId: 'a-1',
  fileName: 'standup.mp3',
  contentType: 'audio/mpeg',
  byteSize: 10 * MiB,
};

function rejection(overrides: Partial<UploadRequest>): MediaError {
  try {
    planUpload({ ...request, ...overrides });
  } catch (error) {
    assert.ok(error instanceof MediaError);
    return error;
  }
  assert.fail('expected a rejection');
}

describe('upload policy', () => {
  it('lays keys out per meeting and media', () => {
    const plan = planUpload({ ...request, fileName: 'Réunion équipe (final).mp3' });
    assert.equal(plan.key, 'meetings/m-1/a-1/Reunion_equipe_final.mp3');
    assert.equal(plan.fileName, 'Réunion équipe (final).mp3');
  });

  it('accepts audio and video types, resolving aliases', () => {
    assert.equal(planUpload({ ...request, contentType: 'audio/mp3' }).contentType, 'audio/mpeg');
    assert.equal(planUpload({ ...request, contentType: 'audio/webm;codecs=opus' }).contentType, 'audio/webm');
    assert.equal(planUpload({ ...request, contentType: 'Video/MP4' }).contentType, 'video/mp4');
  });

  for (const contentType of [
    'application/pdf',
    'application/octet-stream',
    'text/plain',
    'image/png',
    'audio/x-unknown',
    '',
  ]) {
    it(`rejects content type "${contentType}" in field contentType`, () => {
      const error = rejection({ contentType });
      assert.equal(error.publicCode, 'BAD_USER_INPUT');
      assert.equal(error.details.field, 'contentType');
      assert.equal(error.details.reason, 'UNSUPPORTED_CONTENT_TYPE');
    });
  }

  it('rejects sizes that are zero, fractional or over the limit', () => {
    for (const byteSize of [0, -1, 1.5, Number.NaN, DEFAULT_UPLOAD_POLICY.maxByteSize + 1]) {
      assert.equal(rejection({ byteSize }).details.field, 'byteSize');
    }
    assert.equal(rejection({ byteSize: 5 * 1024 ** 3 }).details.reason, 'FILE_TOO_LARGE');
    assert.doesNotThrow(() => planUpload({ ...request, byteSize: DEFAULT_UPLOAD_POLICY.maxByteSize }));
  });

  it('honours a configured size limit', () => {
    assert.throws(() => planUpload(request, { ...DEFAULT_UPLOAD_POLICY, maxByteSize: MiB }), /1 MiB limit/);
  });

  it('rejects ids that could escape the key layout', () => {
    assert.equal(rejection({ meetingId: '../other' }).details.field, 'meetingId');
    assert.equal(rejection({ mediaId: 'a/b' }).details.field, 'mediaId');
  });

  it('cleans file names and refuses ones with nothing left', () => {
    assert.equal(planUpload({ ...request, fileName: '../../etc/passwd' }).key, 'meetings/m-1/a-1/passwd');
    assert.equal(planUpload({ ...request, fileName: 'C:\\rec\\a\u202Eb.mp3' }).fileName, 'ab.mp3');
    assert.equal(planUpload({ ...request, fileName: 'встреча.mp3' }).key, 'meetings/m-1/a-1/media.mp3');
    assert.equal(planUpload({ ...request, fileName: `${'x'.repeat(300)}.mp3` }).key.endsWith('x.mp3'), true);
    assert.equal(rejection({ fileName: ' ../ \u0000 ' }).details.field, 'fileName');
  });

  it('uses one PUT up to the threshold, multipart above it', () => {
    assert.deepEqual(planUpload({ ...request, byteSize: 64 * MiB }).transfer, { kind: 'single' });
    const transfer = planUpload({ ...request, byteSize: 64 * MiB + 1 }).transfer;
    assert.equal(transfer.kind, 'multipart');
    if (transfer.kind !== 'multipart') return;
    assert.equal(transfer.partSize, 16 * MiB);
    assert.equal(transfer.parts.length, 5);
    assert.deepEqual(transfer.parts.at(-1), { partNumber: 5, offset: 64 * MiB, byteSize: 1 });
  });

  it('plans parts that cover the file exactly', () => {
    const byteSize = 2 * 1024 ** 3 + 12345;
    const transfer = planUpload({ ...request, byteSize }).transfer;
    assert.equal(transfer.kind, 'multipart');
    if (transfer.kind !== 'multipart') return;
    assert.equal(
      transfer.parts.reduce((sum, p) => sum + p.byteSize, 0),
      byteSize,
    );
    transfer.parts.forEach((p, i) => assert.equal(p.partNumber, i + 1));
  });

  it('raises the part size so no file needs more than 10,000 parts', () => {
    const huge = 1024 ** 4;
    const partSize = choosePartSize(huge, 5 * MiB);
    assert.ok(Math.ceil(huge / partSize) <= S3_LIMITS.maxParts);
    assert.equal(partSize % MiB, 0);
    assert.equal(choosePartSize(100 * MiB, 1), S3_LIMITS.minPartSize);
  });
});
