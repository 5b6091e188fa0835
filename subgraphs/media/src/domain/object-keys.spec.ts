import assert from 'node:assert/strict';
import { toKeyFileName } from './file-name.js';
import { acceptedObjectKey, mediaObjectKey, mediaObjectPrefix } from './object-keys.js';

describe('object keys', () => {
  const meetingId = '7d3f1a52-3c1e-4a8e-9a3b-2b1f4a6c9d01';
  const mediaId = '0b6f2a8e-1c4d-4e5f-8a9b-1c2d3e4f5a6b';

  it('puts accepted bytes one folder below the upload key, where no upload key can be', () => {
    const uploadKey = mediaObjectKey(meetingId, mediaId, 'talk.mp3');
    assert.equal(
      acceptedObjectKey(meetingId, mediaId, uploadKey),
      `meetings/${meetingId}/${mediaId}/accepted/talk.mp3`,
    );
    for (const name of ['accepted/talk.mp3', 'accepted', '../accepted/talk.mp3', 'a/b']) {
      const candidate = mediaObjectKey(meetingId, mediaId, toKeyFileName(name));
      assert.equal(candidate.slice(mediaObjectPrefix(meetingId, mediaId).length).includes('/'), false, name);
    }
  });

  it('refuses to derive an accepted key from a key that is not an upload key of that media', () => {
    assert.throws(() => acceptedObjectKey(meetingId, mediaId, `meetings/${meetingId}/other/talk.mp3`));
    assert.throws(() =>
      acceptedObjectKey(meetingId, mediaId, `meetings/${meetingId}/${mediaId}/accepted/talk.mp3`),
    );
  });
});
