import 'reflect-metadata';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { NatsConnection } from 'nats';
import type { AuthenticatedUser } from '@mymeet/auth';
import type { MikroORM } from '@mymeet/database';
import { eventually, publishEvent, readEvent, takeJobs, type GraphQLResponse } from '@mymeet/testing';
import { MediaAssetRepository } from '../src/repositories/media-asset.repository.js';
import { MediaSweeper } from '../src/services/cleanup/media-sweeper.service.js';
import type { S3ObjectStorage } from '../src/storage/s3-object-storage.adapter.js';
import { startFixtureHttpServer, type FixtureHttpServer } from './support/fixture-http-server.js';
import { makeMediaFixtures, type MediaFixtures } from './support/media-fixtures.js';
import { startMediaHarness, type MediaHarness } from './support/media-harness.js';
import {
  COMPLETE_UPLOAD,
  REQUEST_UPLOAD,
  sendToStorage,
  type IssuedUpload,
} from './support/media-upload-client.js';

const MiB = 1024 * 1024;
type Imported = { id: string; status: string; source: string };
const run = promisify(execFile);

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const sha256Of = async (url: string) => sha256(new Uint8Array(await (await fetch(url)).arrayBuffer()));

describe('media subgraph against PostgreSQL, NATS and S3', function () {
  this.timeout(120_000);
  const alice: AuthenticatedUser = { sub: `alice-${randomUUID()}`, email: 'alice@example.com', roles: [] };
  const bob: AuthenticatedUser = { sub: `bob-${randomUUID()}`, email: 'bob@example.com', roles: [] };
  const eve: AuthenticatedUser = { sub: `eve-${randomUUID()}`, email: 'eve@example.com', roles: [] };
  let h: MediaHarness;
  let storage: S3ObjectStorage;
  let orm: MikroORM;
  let nc: NatsConnection;
  let fixtures: MediaFixtures;
  let bigMp3: string;
  let site: FixtureHttpServer;

  const call = (user: AuthenticatedUser, query: string, variables: Record<string, unknown> = {}) =>
    h.call(user, query, variables);

  async function newMeeting(owner = alice, participants: string[] = ['bob@example.com']): Promise<string> {
    const meetingId = randomUUID();
    await publishEvent(nc, 'meeting.created', meetingId, {
      ownerId: owner.sub,
      participantEmails: participants,
      version: 1,
      title: 'Weekly planning',
      language: 'en',
    });
    return meetingId;
  }

  async function requestUpload(
    user: AuthenticatedUser,
    meetingId: string,
    file: { fileName: string; contentType: string; byteSize: number },
  ): Promise<GraphQLResponse> {
    return call(user, REQUEST_UPLOAD, { input: { meetingId, ...file } });
  }

  /** requestMediaUpload → PUT to storage → completeMediaUpload; `declared` lies about the size when given. */
  async function upload(meetingId: string, path: string, contentType = 'audio/mpeg', declared?: number) {
    const byteSize = declared ?? (await stat(path)).size;
    const issued = await requestUpload(alice, meetingId, {
      fileName: path.split('/').pop()!,
      contentType,
      byteSize,
    });
    assert.equal(issued.errors, undefined, JSON.stringify(issued.errors));
    const session = issued.data!.requestMediaUpload as IssuedUpload;
    await sendToStorage(session, path);
    const completed = await call(alice, COMPLETE_UPLOAD, { id: session.media.id });
    assert.equal(completed.errors, undefined, JSON.stringify(completed.errors));
    return { session, asset: completed.data!.completeMediaUpload as Record<string, any> };
  }

  /** A multipart upload requested and never sent. */
  async function pendingMultipartUpload(meetingId: string): Promise<string> {
    const file = { fileName: 'big.mp3', contentType: 'audio/mpeg', byteSize: 12 * MiB };
    const issued = await requestUpload(alice, meetingId, file);
    return (issued.data!.requestMediaUpload as IssuedUpload).media.id;
  }

  const outboxJobs = async (mediaId: string) =>
    orm.em
      .fork()
      .getConnection()
      .execute<Array<{ subject: string }>>(
        `select subject from outbox_event where envelope->'payload'->>'mediaId' = ? and subject like 'jobs.%'`,
        [mediaId],
      );

  const mediaOfMeeting = async (user: AuthenticatedUser, meetingId: string) => {
    const response = await call(
      user,
      'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Meeting { id media { id status durationSeconds } } } }',
      { r: [{ __typename: 'Meeting', id: meetingId }] },
    );
    assert.equal(response.errors, undefined, JSON.stringify(response.errors));
    return (response.data!._entities as Array<{ media: Array<Record<string, unknown>> }>)[0]!.media;
  };

  before(async () => {
    fixtures = await makeMediaFixtures();
    bigMp3 = join(fixtures.dir, 'long-speech.mp3');
    // About 7 MB: more than one 5 MiB part.
    await run('ffmpeg', [
      ...'-nostdin -v error -y -stream_loop 2 -i'.split(' '),
      fixtures.mp3,
      ...'-t 180 -c:a libmp3lame -b:a 320k'.split(' '),
      bigMp3,
    ]);
    site = await startFixtureHttpServer(
      {
        '/talk.mp3': (_req, res) => {
          res.writeHead(200, { 'content-type': 'audio/mpeg' });
          createReadStream(fixtures.mp3).pipe(res);
        },
        '/notes.mp3': (_req, res) => {
          res.writeHead(200, { 'content-type': 'audio/mpeg' });
          createReadStream(fixtures.text).pipe(res);
        },
      },
      '127.0.0.2',
    );
    h = await startMediaHarness('media', {
      MEDIA_MAX_UPLOAD_BYTES: String(50 * MiB),
      MEDIA_SINGLE_PUT_MAX_BYTES: String(MiB),
      MEDIA_PART_SIZE_BYTES: String(5 * MiB),
      OUTBOUND_ALLOWED_HOSTS: `127.0.0.2:${site.port}`,
    });
    ({ storage, orm, nc } = h);
  });

  after(async () => {
    await h?.stop();
    await site?.stop();
    await fixtures?.remove();
  });

  it('uploads a real MP3 with one presigned PUT, validates it READY and queues its transcription', async () => {
    const meetingId = await newMeeting();
    let started = performance.now();
    const issued = await requestUpload(alice, meetingId, {
      fileName: 'Weekly planning.mp3',
      contentType: 'audio/mpeg',
      byteSize: (await stat(fixtures.mp3)).size,
    });
    const requestMs = performance.now() - started;
    assert.equal(issued.errors, undefined, JSON.stringify(issued.errors));
    const session = issued.data!.requestMediaUpload as IssuedUpload & { media: Record<string, unknown> };
    assert.equal(session.uploadMode, 'SINGLE');
    assert.equal(session.media.status, 'PENDING_UPLOAD');
    assert.deepEqual(session.uploadHeaders, { 'Content-Type': 'audio/mpeg' });
    assert.equal(session.parts, null);
    await sendToStorage(session, fixtures.mp3);

    started = performance.now();
    const completed = await call(alice, COMPLETE_UPLOAD, { id: session.media.id });
    const completeMs = performance.now() - started;
    console.log(
      `      requestMediaUpload: ${requestMs.toFixed(0)} ms (incl. waiting for meeting.created); complete+validate of a 1-minute MP3: ${completeMs.toFixed(0)} ms`,
    );
    const asset = completed.data!.completeMediaUpload as Record<string, any>;
    assert.equal(asset.status, 'READY', JSON.stringify(asset));
    assert.ok(Math.abs(asset.durationSeconds - 60) < 1, `duration ${asset.durationSeconds}`);
    assert.equal(asset.container, 'mp3');
    assert.match(asset.downloadUrl, /^http:\/\/127\.0\.0\.1:\d+\//);
    const download = await fetch(asset.downloadUrl);
    assert.equal(Number(download.headers.get('content-length')), (await stat(fixtures.mp3)).size);
    await download.arrayBuffer();

    const again = await call(alice, COMPLETE_UPLOAD, { id: session.media.id });
    assert.equal(
      (again.data!.completeMediaUpload as any).transcriptId,
      asset.transcriptId,
      'second call is a no-op',
    );

    const ready = await eventually(async () => {
      const event = await readEvent(nc, meetingId, 'media.ready');
      assert.ok(event, 'media.ready on EVENTS');
      return event;
    });
    assert.equal(ready.payload.transcriptId, asset.transcriptId);
    assert.equal(ready.payload.language, 'en');
    assert.equal(ready.payload.durationSeconds, asset.durationSeconds);
    const jobs = await eventually(async () => {
      const taken = await takeJobs(nc, 'asr', [asset.transcriptId]);
      assert.equal(taken.length, 1, 'jobs.asr on JOBS');
      return taken;
    });
    assert.deepEqual(jobs[0]!.payload, {
      transcriptId: asset.transcriptId,
      meetingId,
      mediaId: asset.id,
      objectKey: ready.payload.objectKey,
      language: 'en',
      vocabulary: [],
      durationSeconds: asset.durationSeconds,
      // Bob and the owner: the diarizer finds no more voices than that.
      maxSpeakers: 2,
    });
    assert.deepEqual(
      await outboxJobs(asset.id),
      [{ subject: 'jobs.asr' }],
      'queued once despite two completions',
    );
  });

  it('keeps serving the validated bytes when the upload URL is used again after completion', async () => {
    const meetingId = await newMeeting();
    const { session, asset } = await upload(meetingId, fixtures.mp3);
    assert.equal(asset.status, 'READY');
    const original = sha256(await readFile(fixtures.mp3));
    const uploadKey = `meetings/${meetingId}/${asset.id}/speech.mp3`;
    // The same presigned PUT replayed with other bytes of the same length (so even a store that checks
    // the signed length takes it); the local server checks no signature at all and takes anything.
    const swap = await fetch(session.uploadUrl, {
      method: 'PUT',
      headers: session.uploadHeaders ?? {},
      body: randomBytes((await stat(fixtures.mp3)).size),
    });
    assert.equal(swap.status, 200, 'the store accepted the replayed PUT');

    const read = await call(alice, 'query ($id: ID!) { mediaAsset(id: $id) { downloadUrl } }', {
      id: asset.id,
    });
    const downloadUrl = (read.data!.mediaAsset as { downloadUrl: string }).downloadUrl;
    assert.equal(await sha256Of(downloadUrl), original, 'participants download the validated bytes');
    assert.equal(await sha256Of(asset.downloadUrl), original, 'so does a link issued before the PUT');

    const ready = await eventually(async () => {
      const event = await readEvent(nc, meetingId, 'media.ready');
      assert.ok(event);
      return event;
    });
    const objectKey = String(ready.payload.objectKey);
    assert.notEqual(objectKey, uploadKey, 'workers read a key no upload URL named');
    const internal = await storage.presignGet({ key: objectKey, expiresInSeconds: 60, audience: 'internal' });
    assert.equal(await sha256Of(internal.url), original, 'workers read the validated bytes');
    const [job] = await eventually(async () => {
      const taken = await takeJobs(nc, 'asr', [asset.transcriptId]);
      assert.equal(taken.length, 1);
      return taken;
    });
    assert.equal(job!.payload.objectKey, objectKey);
  });

  it('measures requestMediaUpload for a meeting already known', async () => {
    const meetingId = await newMeeting();
    await pendingMultipartUpload(meetingId); // waits for the meeting's event once
    const timings: number[] = [];
    for (let i = 0; i < 20; i++) {
      const started = performance.now();
      const response = await requestUpload(alice, meetingId, {
        fileName: 'a.mp3',
        contentType: 'audio/mpeg',
        byteSize: 500_000,
      });
      timings.push(performance.now() - started);
      assert.equal(response.errors, undefined);
    }
    timings.sort((a, b) => a - b);
    console.log(
      `      requestMediaUpload (single PUT), 20 calls: p50 ${timings[10]!.toFixed(1)} ms, max ${timings[19]!.toFixed(1)} ms`,
    );
  });

  it('uploads a file larger than one part through presigned multipart parts', async () => {
    const meetingId = await newMeeting();
    const size = (await stat(bigMp3)).size;
    const { session, asset } = await upload(meetingId, bigMp3);
    assert.equal(session.uploadMode, 'MULTIPART');
    assert.equal(session.parts!.length, Math.ceil(size / (5 * MiB)));
    assert.equal(session.uploadUrl, session.parts![0]!.url);
    assert.equal(asset.status, 'READY', JSON.stringify(asset));
    assert.equal(asset.byteSize, size);
    assert.ok(Math.abs(asset.durationSeconds - 180) < 1, `duration ${asset.durationSeconds}`);
    const prefix = `meetings/${meetingId}/${session.media.id}`;
    const stored = await storage.headObject(`${prefix}/accepted/long-speech.mp3`);
    assert.equal(stored?.byteSize, size);
    assert.equal(await storage.headObject(`${prefix}/long-speech.mp3`), undefined, 'upload key deleted');
  });

  it('refuses to complete a multipart upload with a part missing, and completes once it arrives', async () => {
    const meetingId = await newMeeting();
    const size = (await stat(bigMp3)).size;
    const issued = await requestUpload(alice, meetingId, {
      fileName: 'long.mp3',
      contentType: 'audio/mpeg',
      byteSize: size,
    });
    const session = issued.data!.requestMediaUpload as IssuedUpload;
    const [first, ...rest] = session.parts!;
    await sendToStorage({ ...session, parts: rest }, bigMp3);
    const early = await call(alice, COMPLETE_UPLOAD, { id: session.media.id });
    assert.equal(early.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    assert.equal(early.errors?.[0]?.extensions?.reason, 'UPLOAD_INCOMPLETE');
    await sendToStorage({ ...session, parts: [first!] }, bigMp3);
    const done = await call(alice, COMPLETE_UPLOAD, { id: session.media.id });
    assert.equal((done.data!.completeMediaUpload as any).status, 'READY');
  });

  it('rejects a text file renamed .mp3, a truncated file and a size mismatch, queueing nothing', async () => {
    const meetingId = await newMeeting();
    const truncated = await fixtures.truncated(fixtures.mp3, 0.5);
    const cases: Array<[string, string, number | undefined]> = [
      ['NOT_MEDIA', fixtures.text, undefined],
      ['TRUNCATED', truncated, undefined],
      ['SIZE_MISMATCH', fixtures.mp3, (await stat(fixtures.mp3)).size + 1000],
    ];
    for (const [code, path, declared] of cases) {
      const { asset } = await upload(meetingId, path, 'audio/mpeg', declared);
      assert.equal(asset.status, 'REJECTED', code);
      assert.equal(asset.rejectionCode, code);
      assert.ok(asset.rejectionReason.length > 10, asset.rejectionReason);
      assert.equal(asset.transcriptId, null);
      assert.equal(asset.downloadUrl, null);
      assert.deepEqual(await outboxJobs(asset.id), [], `${code}: no job staged`);
    }
    const rejected = await eventually(async () => {
      const event = await readEvent(nc, meetingId, 'media.rejected');
      assert.ok(event);
      return event;
    });
    assert.match(String(rejected.payload.reason), /\w/);
  });

  it('says when nothing was uploaded yet, without rejecting the asset', async () => {
    const meetingId = await newMeeting();
    const issued = await requestUpload(alice, meetingId, {
      fileName: 'a.mp3',
      contentType: 'audio/mpeg',
      byteSize: 1000,
    });
    const id = (issued.data!.requestMediaUpload as IssuedUpload).media.id;
    const early = await call(alice, COMPLETE_UPLOAD, { id });
    assert.equal(early.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    assert.equal(early.errors?.[0]?.extensions?.field, 'mediaId');
    const asset = await call(alice, 'query ($id: ID!) { mediaAsset(id: $id) { status } }', { id });
    assert.deepEqual(asset.data, { mediaAsset: { status: 'PENDING_UPLOAD' } });
  });

  it('refuses a too large file and a PDF before issuing any URL', async () => {
    const meetingId = await newMeeting();
    const tooLarge = await requestUpload(alice, meetingId, {
      fileName: 'huge.mp3',
      contentType: 'audio/mpeg',
      byteSize: 51 * MiB,
    });
    assert.equal(tooLarge.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    assert.equal(tooLarge.errors?.[0]?.extensions?.field, 'byteSize');
    const pdf = await requestUpload(alice, meetingId, {
      fileName: 'a.pdf',
      contentType: 'application/pdf',
      byteSize: 1000,
    });
    assert.equal(pdf.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    assert.equal(pdf.errors?.[0]?.extensions?.field, 'contentType');
    assert.equal(tooLarge.data, null);
    assert.deepEqual(await mediaOfMeeting(alice, meetingId), []);
    assert.deepEqual(await storage.listIncompleteUploads(`meetings/${meetingId}/`), []);
  });

  it('shows media to the owner and participants only', async () => {
    const meetingId = await newMeeting();
    const { asset } = await upload(meetingId, fixtures.mp3);
    assert.equal((await mediaOfMeeting(alice, meetingId)).length, 1);
    assert.deepEqual(await mediaOfMeeting(bob, meetingId), [
      { id: asset.id, status: 'READY', durationSeconds: asset.durationSeconds },
    ]);
    assert.deepEqual(await mediaOfMeeting(eve, meetingId), []);
    const read = await call(eve, 'query ($id: ID!) { mediaAsset(id: $id) { id } }', { id: asset.id });
    assert.deepEqual(read.data, { mediaAsset: null });
    const entity = await call(
      eve,
      'query ($r: [_Any!]!) { _entities(representations: $r) { ... on MediaAsset { id } } }',
      {
        r: [{ __typename: 'MediaAsset', id: asset.id }],
      },
    );
    assert.deepEqual(entity.data, { _entities: [null] });

    const file = { fileName: 'x.mp3', contentType: 'audio/mpeg', byteSize: 1000 };
    const stranger = await requestUpload(eve, meetingId, file);
    assert.equal(stranger.errors?.[0]?.extensions?.code, 'NOT_FOUND');
    const participant = await requestUpload(bob, meetingId, file);
    assert.equal(participant.errors?.[0]?.extensions?.code, 'FORBIDDEN');
    const complete = await call(eve, COMPLETE_UPLOAD, { id: asset.id });
    assert.equal(complete.errors?.[0]?.extensions?.code, 'NOT_FOUND');
  });

  it('waits briefly for a meeting created a moment ago', async () => {
    const meetingId = randomUUID();
    setTimeout(
      () =>
        void publishEvent(nc, 'meeting.created', meetingId, {
          ownerId: alice.sub,
          participantEmails: [],
          version: 1,
          title: 'Late event',
        }),
      500,
    );
    const issued = await requestUpload(alice, meetingId, {
      fileName: 'a.mp3',
      contentType: 'audio/mpeg',
      byteSize: 10,
    });
    assert.equal(issued.errors, undefined, JSON.stringify(issued.errors));
    const unknown = await requestUpload(alice, randomUUID(), {
      fileName: 'a.mp3',
      contentType: 'audio/mpeg',
      byteSize: 10,
    });
    assert.equal(unknown.errors?.[0]?.extensions?.code, 'NOT_FOUND');
  });

  it('refuses import URLs that point inside the network, before queueing anything', async () => {
    const meetingId = await newMeeting();
    for (const url of [
      'http://127.0.0.1/a.mp3',
      'http://10.0.0.1/a.mp3',
      'http://169.254.169.254/latest/meta-data/',
      'http://localhost/',
      'ftp://example.com/a.mp3',
      `http://127.0.0.2:6379/a.mp3`,
    ]) {
      const response = await call(
        alice,
        'mutation ($m: ID!, $u: String!) { importMediaFromUrl(meetingId: $m, url: $u) { id } }',
        {
          m: meetingId,
          u: url,
        },
      );
      assert.equal(response.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT', url);
      assert.equal(response.errors?.[0]?.extensions?.field, 'url', url);
    }
    assert.deepEqual(await mediaOfMeeting(alice, meetingId), []);
  });

  it('imports from a URL through a durable job: READY for a recording, REJECTED with a reason otherwise', async () => {
    const meetingId = await newMeeting();
    const importUrl = (url: string) =>
      call(
        alice,
        'mutation ($m: ID!, $u: String!) { importMediaFromUrl(meetingId: $m, url: $u) { id status source } }',
        {
          m: meetingId,
          u: url,
        },
      );
    const good = (await importUrl(`${site.base}/talk.mp3`)).data!.importMediaFromUrl as Imported;
    assert.equal(good.status, 'VALIDATING');
    assert.equal(good.source, 'URL');
    const notFound = (await importUrl(`${site.base}/missing.mp3`)).data!.importMediaFromUrl as Imported;
    const text = (await importUrl(`${site.base}/notes.mp3`)).data!.importMediaFromUrl as Imported;
    const read = (id: string) =>
      call(
        alice,
        'query ($id: ID!) { mediaAsset(id: $id) { status fileName byteSize durationSeconds rejectionReason rejectionCode transcriptId } }',
        {
          id,
        },
      ).then((r) => r.data!.mediaAsset as Record<string, any>);
    const settled = async (id: string) =>
      eventually(async () => {
        const asset = await read(id);
        assert.notEqual(asset.status, 'VALIDATING');
        return asset;
      }, 30_000);
    const imported = await settled(good.id);
    assert.equal(imported.status, 'READY');
    assert.equal(imported.fileName, 'talk.mp3');
    assert.equal(imported.byteSize, (await stat(fixtures.mp3)).size);
    const missing = await settled(notFound.id);
    assert.equal(missing.status, 'REJECTED');
    assert.equal(missing.rejectionCode, 'UPSTREAM_STATUS');
    assert.match(missing.rejectionReason, /HTTP 404/);
    const notMedia = await settled(text.id);
    assert.equal(notMedia.rejectionCode, 'NOT_MEDIA');
    assert.equal((await takeJobs(nc, 'asr', [imported.transcriptId])).length, 1);
  });

  it('aborts a pending upload', async () => {
    const meetingId = await newMeeting();
    const id = await pendingMultipartUpload(meetingId);
    assert.equal((await storage.listIncompleteUploads(`meetings/${meetingId}/`)).length, 1);
    const aborted = await call(alice, 'mutation ($id: ID!) { abortMediaUpload(mediaId: $id) }', { id });
    assert.deepEqual(aborted.data, { abortMediaUpload: true });
    assert.deepEqual(await storage.listIncompleteUploads(`meetings/${meetingId}/`), []);
    assert.deepEqual(await mediaOfMeeting(alice, meetingId), []);
  });

  it('expires pending uploads whose links expired long ago', async () => {
    const meetingId = await newMeeting();
    const id = await pendingMultipartUpload(meetingId);
    await orm.em
      .fork()
      .getConnection()
      .execute(`update media_asset set upload_expires_at = now() - interval '2 hours' where id = ?`, [id]);
    const sweeper = new MediaSweeper(new MediaAssetRepository(orm.em.fork()), storage, {
      abandonedAfterHours: 24,
      completionGraceMs: 3_600_000,
      abandonedImportAfterMs: 6 * 3_600_000,
      batchSize: 10,
    });
    const result = await sweeper.sweep();
    assert.equal(result.expiredAssets, 1);
    const asset = await call(alice, 'query ($id: ID!) { mediaAsset(id: $id) { status rejectionCode } }', {
      id,
    });
    assert.deepEqual(asset.data, { mediaAsset: { status: 'REJECTED', rejectionCode: 'UPLOAD_EXPIRED' } });
    assert.deepEqual(await storage.listIncompleteUploads(`meetings/${meetingId}/`), []);
  });

  it("deletes a meeting's objects and rows on meeting.deleted", async () => {
    const meetingId = await newMeeting();
    const { asset } = await upload(meetingId, fixtures.mp3);
    const key = `meetings/${meetingId}/${asset.id}/accepted/speech.mp3`;
    assert.ok(await storage.headObject(key));
    await publishEvent(nc, 'meeting.deleted', meetingId, { ownerId: alice.sub, version: 3 });
    await eventually(async () => {
      assert.equal(await storage.headObject(key), undefined);
      const read = await call(alice, 'query ($id: ID!) { mediaAsset(id: $id) { id } }', { id: asset.id });
      assert.deepEqual(read.data, { mediaAsset: null });
    });
    const rows = await orm.em
      .fork()
      .getConnection()
      .execute(`select id from media_asset where meeting_id = ?`, [meetingId]);
    assert.deepEqual(rows, []);
    // A late meeting.updated cannot revive it.
    await publishEvent(nc, 'meeting.updated', meetingId, {
      ownerId: alice.sub,
      participantEmails: [],
      version: 2,
      title: 'x',
    });
    const after = await requestUpload(alice, meetingId, {
      fileName: 'a.mp3',
      contentType: 'audio/mpeg',
      byteSize: 10,
    });
    assert.equal(after.errors?.[0]?.extensions?.code, 'NOT_FOUND');
  });
});
