import assert from 'node:assert/strict';
import { MediaSource, MediaStatus, UploadMode } from '../domain/media-status.js';
import { MediaAssetEntity } from '../entities/media-asset.entity.js';
import { toMediaUpload } from './media-asset.mapper.js';

describe('toMediaUpload', () => {
  it('gives multipart uploads part 1 as uploadUrl and every part its byte range', () => {
    const expiresAt = new Date('2030-01-01T00:00:00Z');
    const asset = Object.assign(new MediaAssetEntity(), {
      meetingId: 'm',
      ownerId: 'alice',
      fileName: 'long.mp3',
      contentType: 'audio/mpeg',
      byteSize: 12,
      status: MediaStatus.PENDING_UPLOAD,
      objectKey: 'k',
      source: MediaSource.UPLOAD,
      uploadMode: UploadMode.MULTIPART,
    });
    const part = (partNumber: number) => ({
      partNumber,
      method: 'PUT' as const,
      url: `https://s3/p${partNumber}`,
      headers: {},
      expiresAt,
    });
    const upload = toMediaUpload({
      asset,
      session: {
        kind: 'multipart',
        uploadId: 'u',
        partSize: 5,
        parts: [part(1), part(2), part(3)],
        expiresAt,
      },
      plan: {
        key: 'k',
        fileName: 'long.mp3',
        contentType: 'audio/mpeg',
        byteSize: 12,
        transfer: {
          kind: 'multipart',
          partSize: 5,
          parts: [
            { partNumber: 1, offset: 0, byteSize: 5 },
            { partNumber: 2, offset: 5, byteSize: 5 },
            { partNumber: 3, offset: 10, byteSize: 2 },
          ],
        },
      },
    });
    assert.equal(upload.uploadMode, UploadMode.MULTIPART);
    assert.equal(upload.uploadUrl, 'https://s3/p1');
    assert.equal(upload.partSize, 5);
    assert.deepEqual(
      upload.parts?.map((p) => [p.partNumber, p.offset, p.byteSize]),
      [
        [1, 0, 5],
        [2, 5, 5],
        [3, 10, 2],
      ],
    );
  });
});
