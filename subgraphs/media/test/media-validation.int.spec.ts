import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { FfprobeInspector } from '../src/probe/ffprobe-inspector.adapter.js';
import { MediaProbe, type ProbeOutcome } from '../src/services/validation/media-probe.service.js';
import { MediaValidator } from '../src/services/validation/media-validator.service.js';
import { startLocalStorage, type LocalStorage } from './support/local-storage.js';
import { makeMediaFixtures, type MediaFixtures } from './support/media-fixtures.js';

describe('media validation with ffprobe over presigned URLs', function () {
  this.timeout(120_000);
  let local: LocalStorage;
  let fixtures: MediaFixtures;
  let validator: MediaValidator;
  let counter = 0;

  before(async () => {
    [local, fixtures] = await Promise.all([startLocalStorage(), makeMediaFixtures()]);
    const inspector = new FfprobeInspector({
      ffprobePath: '/usr/bin/ffprobe',
      ffmpegPath: '/usr/bin/ffmpeg',
      timeoutMs: 60_000,
    });
    validator = new MediaValidator(local.storage, new MediaProbe(inspector));
  });
  after(async () => {
    await local?.stop();
    await fixtures?.remove();
  });

  /** Uploads like a client would (presigned PUT), then validates what the client announced. */
  async function uploadAndValidate(
    path: string,
    contentType: string,
    announcedSize?: number,
  ): Promise<ProbeOutcome> {
    const body = await readFile(path);
    const key = `meetings/m1/a${++counter}/${path.split('/').pop()}`;
    if (body.length > 0) {
      const put = await local.storage.presignPut({
        key,
        contentType,
        byteSize: body.length,
        expiresInSeconds: 300,
      });
      const response = await fetch(put.url, { method: 'PUT', headers: put.headers, body });
      assert.equal(response.status, 200);
    } else {
      await local.storage.uploadStream({ key, contentType, body: Readable.from([]) });
    }
    return validator.validate({ key, contentType, byteSize: announcedSize ?? body.length });
  }

  function assertRejected(outcome: ProbeOutcome, reason: string): void {
    assert.equal(outcome.accepted ? 'ACCEPTED' : outcome.reason, reason, JSON.stringify(outcome));
    assert.ok(!outcome.accepted && outcome.message.length > 10);
  }

  it('accepts a real one-minute MP3 and reports its duration and codec', async () => {
    const started = performance.now();
    const outcome = await uploadAndValidate(fixtures.mp3, 'audio/mpeg');
    console.log(`      upload + probe of a 1-minute MP3: ${(performance.now() - started).toFixed(0)} ms`);
    assert.ok(outcome.accepted, JSON.stringify(outcome));
    assert.ok(Math.abs(outcome.facts.durationSeconds - 60) < 1, String(outcome.facts.durationSeconds));
    assert.equal(outcome.facts.audioCodec, 'mp3');
    assert.equal(outcome.facts.container, 'mp3');
    assert.equal(outcome.facts.sampleRate, 16000);
    assert.equal(outcome.facts.channels, 1);
  });

  it('accepts a real M4A (AAC), with either index placement', async () => {
    for (const path of [fixtures.m4a, fixtures.m4aFastStart]) {
      const started = performance.now();
      const outcome = await uploadAndValidate(path, 'audio/mp4');
      console.log(`      upload + probe of a 1-minute M4A: ${(performance.now() - started).toFixed(0)} ms`);
      assert.ok(outcome.accepted, JSON.stringify(outcome));
      assert.equal(outcome.facts.audioCodec, 'aac');
      assert.ok(Math.abs(outcome.facts.durationSeconds - 60) < 1);
    }
  });

  it('rejects a text file renamed .mp3 as NOT_MEDIA', async () => {
    assertRejected(await uploadAndValidate(fixtures.text, 'audio/mpeg'), 'NOT_MEDIA');
  });

  it('rejects random bytes renamed .mp3 as NOT_MEDIA', async () => {
    const noise = join(fixtures.dir, 'noise.mp3');
    await writeFile(noise, randomBytes(200_000));
    assertRejected(await uploadAndValidate(noise, 'audio/mpeg'), 'NOT_MEDIA');
  });

  it('rejects truncated MP3 and M4A files as TRUNCATED', async () => {
    assertRejected(
      await uploadAndValidate(await fixtures.truncated(fixtures.mp3, 0.5), 'audio/mpeg'),
      'TRUNCATED',
    );
    assertRejected(
      await uploadAndValidate(await fixtures.truncated(fixtures.m4a, 0.5), 'audio/mp4'),
      'TRUNCATED',
    );
    assertRejected(
      await uploadAndValidate(await fixtures.truncated(fixtures.m4aFastStart, 0.7), 'audio/mp4'),
      'TRUNCATED',
    );
  });

  it('rejects a zero-length file as EMPTY_FILE', async () => {
    assertRejected(await uploadAndValidate(fixtures.empty, 'audio/mpeg', 1000), 'EMPTY_FILE');
  });

  it('rejects a size that differs from the announced one as SIZE_MISMATCH', async () => {
    const outcome = await uploadAndValidate(fixtures.mp3, 'audio/mpeg', 999_999);
    assertRejected(outcome, 'SIZE_MISMATCH');
  });

  it('rejects an upload that never happened as NOT_UPLOADED', async () => {
    assertRejected(
      await validator.validate({ key: 'meetings/m1/none/x.mp3', contentType: 'audio/mpeg', byteSize: 10 }),
      'NOT_UPLOADED',
    );
  });

  it('rejects a file that lies about its type as TYPE_MISMATCH', async () => {
    assertRejected(await uploadAndValidate(fixtures.m4a, 'audio/mpeg'), 'TYPE_MISMATCH');
  });

  it('rejects a video without sound as NO_AUDIO_STREAM', async () => {
    assertRejected(await uploadAndValidate(fixtures.videoOnly, 'video/mp4'), 'NO_AUDIO_STREAM');
  });
});
