import 'reflect-metadata';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import type { AuthenticatedUser } from '@mymeet/auth';
import { MeetingAccessRepository, MeetingAccessService } from '@mymeet/meeting-access';
import { eventually } from '@mymeet/testing';
import { MediaSource, MediaStatus } from '../src/domain/media-status.js';
import { mediaObjectKey, mediaObjectPrefix } from '../src/domain/object-keys.js';
import { transcriptIdFor } from '../src/domain/transcript-id.js';
import { MediaAssetEntity } from '../src/entities/media-asset.entity.js';
import { buildMediaDependencies } from '../src/media-dependencies.factory.js';
import { MediaAssetRepository } from '../src/repositories/media-asset.repository.js';
import { MediaSweeper } from '../src/services/cleanup/media-sweeper.service.js';
import { MediaImportService } from '../src/services/imports/media-import.service.js';
import { startFixtureHttpServer, type FixtureHttpServer } from './support/fixture-http-server.js';
import { startMediaHarness, type MediaHarness } from './support/media-harness.js';
import { makeMediaFixtures, type MediaFixtures } from './support/media-fixtures.js';

const IMPORT = `mutation ($m: ID!, $u: String!) { importMediaFromUrl(meetingId: $m, url: $u) { id status } }`;
const READ = `query ($id: ID!) { mediaAsset(id: $id) { status sourceUrl rejectionCode rejectionReason transcriptId } }`;
type Read = {
  status: string;
  sourceUrl: string | null;
  rejectionCode: string | null;
  rejectionReason: string;
};

describe('URL import jobs: limits, one run per import, dead letters', function () {
  this.timeout(60_000);
  const alice: AuthenticatedUser = { sub: `alice-${randomUUID()}`, email: 'alice@example.com', roles: [] };
  const bob: AuthenticatedUser = { sub: `bob-${randomUUID()}`, email: 'bob@example.com', roles: [] };
  const dave: AuthenticatedUser = { sub: `dave-${randomUUID()}`, email: 'dave@example.com', roles: [] };
  let h: MediaHarness;
  let site: FixtureHttpServer;
  let fixtures: MediaFixtures;
  const held: ServerResponse[] = [];
  let openHangs = 0;

  const sendMp3 = (res: ServerResponse) => {
    res.writeHead(200, { 'content-type': 'audio/mpeg' });
    createReadStream(fixtures.mp3).pipe(res);
  };
  const importUrl = (user: AuthenticatedUser, meetingId: string, url: string) =>
    h.call(user, IMPORT, { m: meetingId, u: url });
  const read = async (user: AuthenticatedUser, id: string) =>
    (await h.call(user, READ, { id })).data!.mediaAsset as Read;
  const settled = (id: string) =>
    eventually(async () => {
      const asset = await read(alice, id);
      assert.notEqual(asset.status, 'VALIDATING');
      return asset;
    }, 30_000);

  before(async () => {
    fixtures = await makeMediaFixtures();
    site = await startFixtureHttpServer(
      {
        '/talk.mp3': (_req, res) => sendMp3(res),
        '/notes.mp3': (_req, res) => {
          res.writeHead(200, { 'content-type': 'audio/mpeg' });
          createReadStream(fixtures.text).pipe(res);
        },
        // Answers only when the test says so: the import stays in progress until then.
        '/held.mp3': (_req, res) => void held.push(res),
        // Audio-typed bytes at a healthy rate, forever: the attempt can only end by its timeout.
        '/hangs.mp3': (req, res) => {
          openHangs++;
          res.writeHead(200, { 'content-type': 'audio/mpeg' });
          const timer = setInterval(() => res.write(Buffer.alloc(4096, 0xff)), 100);
          req.socket.once('close', () => {
            clearInterval(timer);
            openHangs--;
          });
        },
      },
      '127.0.0.3',
    );
    h = await startMediaHarness('imports', {
      OUTBOUND_ALLOWED_HOSTS: `127.0.0.3:${site.port}`,
      MEDIA_IMPORT_MAX_CONCURRENT_PER_USER: '2',
      MEDIA_IMPORT_MIN_BYTES_PER_SECOND: '1000',
      MEDIA_IMPORT_THROUGHPUT_WINDOW_SECONDS: '1',
      MEDIA_IMPORT_ATTEMPTS: '2',
      MEDIA_IMPORT_ATTEMPT_TIMEOUT_SECONDS: '2',
      MEDIA_IMPORT_RETRY_SECONDS: '0.2',
    });
  });

  after(async () => {
    for (const res of held) res.destroy();
    await h?.stop();
    await site?.stop();
    await fixtures?.remove();
  });

  it('refuses a user more imports at once than allowed with RATE_LIMITED, counting races too', async () => {
    const meetingId = await h.newMeeting(alice);
    const responses = await Promise.all(
      [1, 2, 3, 4].map((n) => importUrl(alice, meetingId, `${site.base}/held.mp3?n=${n}`)),
    );
    const accepted = responses.filter((r) => !r.errors);
    const refused = responses.filter((r) => r.errors);
    assert.equal(accepted.length, 2, JSON.stringify(responses.map((r) => r.errors?.[0]?.extensions)));
    for (const response of refused) {
      assert.equal(response.errors?.[0]?.extensions?.code, 'RATE_LIMITED');
      assert.equal(response.errors?.[0]?.extensions?.reason, 'TOO_MANY_IMPORTS');
      assert.equal(response.errors?.[0]?.extensions?.field, 'url');
      assert.match(response.errors![0]!.message, /2 imports in progress \(at most 2 at once\)/);
    }
    // The limit is per user.
    const other = await importUrl(dave, await h.newMeeting(dave), `${site.base}/talk.mp3`);
    assert.equal(other.errors, undefined, JSON.stringify(other.errors));

    await eventually(async () => assert.equal(held.length, 2, 'both imports are waiting on the server'));
    for (const res of held.splice(0)) sendMp3(res);
    for (const response of accepted) {
      const id = (response.data!.importMediaFromUrl as { id: string }).id;
      assert.equal((await settled(id)).status, 'READY');
    }
    const next = await importUrl(alice, meetingId, `${site.base}/talk.mp3`);
    assert.equal(next.errors, undefined, 'a finished import frees its slot');
    await settled((next.data!.importMediaFromUrl as { id: string }).id);
  });

  it('shows the query string of the source URL to the importer only', async () => {
    const meetingId = await h.newMeeting(alice, ['bob@example.com']);
    const url = `${site.base}/talk.mp3?X-Amz-Signature=s3cret&token=abc`;
    const { id } = (await importUrl(alice, meetingId, url)).data!.importMediaFromUrl as { id: string };
    assert.equal((await settled(id)).status, 'READY');
    assert.equal((await read(alice, id)).sourceUrl, url);
    assert.equal((await read(bob, id)).sourceUrl, `${site.base}/talk.mp3`);
  });

  it('deletes the bytes of a rejected import as soon as it is rejected', async () => {
    const meetingId = await h.newMeeting(alice);
    const { id } = (await importUrl(alice, meetingId, `${site.base}/notes.mp3`)).data!.importMediaFromUrl as {
      id: string;
    };
    const asset = await settled(id);
    assert.equal(asset.rejectionCode, 'NOT_MEDIA');
    assert.deepEqual(await h.keysUnder(mediaObjectPrefix(meetingId, id)), []);
  });

  it('runs an import once when its job is delivered twice at once (two instances)', async () => {
    const meetingId = await h.newMeeting(alice);
    await eventually(async () => {
      const rows = await h.orm.em
        .fork()
        .getConnection()
        .execute('select 1 from meeting_access where meeting_id = ?', [meetingId]);
      assert.equal(rows.length, 1);
    });
    // The asset as importMediaFromUrl leaves it, without queueing a job the running service would take.
    const asset = Object.assign(new MediaAssetEntity(), {
      meetingId,
      ownerId: alice.sub,
      fileName: 'talk.mp3',
      contentType: 'audio/mpeg',
      byteSize: 0,
      status: MediaStatus.VALIDATING,
      source: MediaSource.URL,
      sourceUrl: `${site.base}/talk.mp3`,
    });
    asset.objectKey = mediaObjectKey(meetingId, asset.id, 'talk.mp3');
    await h.orm.em.fork().persist(asset).flush();
    const deps = buildMediaDependencies(h.config);
    const instance = () => {
      const em = h.orm.em.fork();
      return new MediaImportService(
        new MediaAssetRepository(em),
        new MeetingAccessService(new MeetingAccessRepository(em)),
        deps,
      );
    };
    const job = { mediaId: asset.id, meetingId, url: `${site.base}/talk.mp3` };
    const fetchesBefore = site.hits.get('/talk.mp3') ?? 0;
    await Promise.all([instance().run(job), instance().run(job)]);
    await instance().run(job); // and a late redelivery after it settled
    deps.close();

    assert.equal((await read(alice, asset.id)).status, 'READY');
    assert.equal(site.hits.get('/talk.mp3')! - fetchesBefore, 1, 'fetched once');
    const staged = await h.orm.em
      .fork()
      .getConnection()
      .execute<Array<{ subject: string; transcript_id: string }>>(
        `select subject, envelope->'payload'->>'transcriptId' as transcript_id from outbox_event
         where envelope->'payload'->>'mediaId' = ? order by subject`,
        [asset.id],
      );
    assert.deepEqual(
      staged.map((row) => row.subject.replace(meetingId, '<m>')),
      ['events.meeting.<m>.media.ready', 'jobs.asr'],
      'one media.ready and one transcription job',
    );
    assert.ok(staged.every((row) => row.transcript_id === transcriptIdFor(asset.id)));
    assert.equal((await h.keysUnder(mediaObjectPrefix(meetingId, asset.id))).length, 1, 'one stored copy');
  });

  it('ends an import that hangs on every attempt REJECTED with the reason, its download stopped', async () => {
    const meetingId = await h.newMeeting(alice);
    const started = performance.now();
    const { id } = (await importUrl(alice, meetingId, `${site.base}/hangs.mp3`)).data!.importMediaFromUrl as {
      id: string;
    };
    const asset = await settled(id);
    console.log(
      `      2 attempts of 2 s each, then the dead letter settled it: ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    assert.equal(asset.status, 'REJECTED');
    assert.equal(asset.rejectionCode, 'IMPORT_FAILED');
    assert.match(asset.rejectionReason, /could not be imported: Timed out after 2000 ms/);
    assert.equal(site.hits.get('/hangs.mp3'), 2, 'one download per attempt');
    await eventually(async () => assert.equal(openHangs, 0, 'every download was aborted'));
    assert.deepEqual(await h.keysUnder(mediaObjectPrefix(meetingId, id)), []);
  });

  it('rejects imports that no delivery can finish any more, leaving queued and running ones alone', async () => {
    const meetingId = await h.newMeeting(alice);
    const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000);
    const importRow = (fields: Partial<MediaAssetEntity>) => {
      const asset = Object.assign(new MediaAssetEntity(), {
        meetingId,
        ownerId: `someone-${randomUUID()}`, // not alice: her import slots stay free
        fileName: 'a.mp3',
        contentType: 'audio/mpeg',
        byteSize: 0,
        status: MediaStatus.VALIDATING,
        source: MediaSource.URL,
        sourceUrl: `${site.base}/a.mp3`,
        ...fields,
      });
      asset.objectKey = mediaObjectKey(meetingId, asset.id, 'a.mp3');
      return asset;
    };
    const lostJob = importRow({ createdAt: hoursAgo(7) }); // never claimed
    const deadRun = importRow({
      createdAt: hoursAgo(8),
      importLeaseToken: randomUUID(),
      importLeaseUntil: hoursAgo(7),
    });
    const queued = importRow({ createdAt: hoursAgo(1) });
    const running = importRow({
      createdAt: hoursAgo(8),
      importLeaseToken: randomUUID(),
      importLeaseUntil: new Date(Date.now() + 30_000),
    });
    await h.orm.em.fork().persist([lostJob, deadRun, queued, running]).flush();
    const sweeper = new MediaSweeper(new MediaAssetRepository(h.orm.em.fork()), h.storage, {
      abandonedAfterHours: 24,
      completionGraceMs: 3_600_000,
      abandonedImportAfterMs: 6 * 3_600_000,
      batchSize: 10,
    });
    // The running service's own sweeper may take some of these first: assert the outcome, not who did it.
    assert.ok((await sweeper.sweep()).abandonedImports <= 2);
    for (const asset of [lostJob, deadRun]) {
      const swept = await read(alice, asset.id);
      assert.equal(swept.status, 'REJECTED');
      assert.equal(swept.rejectionCode, 'IMPORT_FAILED');
    }
    assert.equal((await read(alice, queued.id)).status, 'VALIDATING');
    assert.equal((await read(alice, running.id)).status, 'VALIDATING');
  });

  it('stats: an import of a 1-minute MP3 through the job', async () => {
    const meetingId = await h.newMeeting(alice);
    const started = performance.now();
    const { id } = (await importUrl(alice, meetingId, `${site.base}/talk.mp3`)).data!.importMediaFromUrl as {
      id: string;
    };
    assert.equal((await settled(id)).status, 'READY');
    const kB = (await stat(fixtures.mp3)).size / 1024;
    console.log(
      `      importMediaFromUrl → READY (${kB.toFixed(0)} kB MP3, fetch + store + probe): ${(performance.now() - started).toFixed(0)} ms`,
    );
  });
});
