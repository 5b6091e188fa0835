import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { connect, type NatsConnection } from 'nats';
import { mintDevToken } from '@mymeet/auth';
import { startLocalS3Server, type LocalS3Server } from '@mymeet/tools';
import { deleteConsumersWithPrefix } from '@mymeet/messaging';
import {
  dropDatabase,
  eventually,
  freePort,
  graphqlClient,
  repoRoot,
  spawnService,
  takeJobs,
  testDatabaseUrl,
  testNatsUrl,
  testSecrets,
  type SpawnedService,
  waitForCatchUp,
} from '@mymeet/testing';
import { makeMediaFixtures, type MediaFixtures } from './support/media-fixtures.js';
import {
  COMPLETE_UPLOAD,
  REQUEST_UPLOAD,
  sendToStorage,
  type IssuedUpload,
} from './support/media-upload-client.js';

/** The "done when", through the gateway with every deployable in its own process. */
describe('media end to end: gateway, meetings and media processes, real storage and NATS', function () {
  this.timeout(120_000);
  const secrets = testSecrets();
  const meetingsDb = testDatabaseUrl('media_e2e_meetings');
  const mediaDb = testDatabaseUrl('media_e2e_media');
  const run = randomUUID().slice(0, 8);
  const meetingsPrefix = `media-e2e-meetings-${run}`;
  const mediaPrefix = `media-e2e-media-${run}`;
  let s3: LocalS3Server;
  let s3Dir: string;
  let fixtures: MediaFixtures;
  let nc: NatsConnection;
  const services: SpawnedService[] = [];
  let asAlice: ReturnType<typeof graphqlClient>;

  before(async () => {
    s3Dir = await mkdtemp(join(tmpdir(), 'media-e2e-s3-'));
    [s3, fixtures] = await Promise.all([startLocalS3Server({ directory: s3Dir }), makeMediaFixtures()]);
    nc = await connect({ servers: testNatsUrl() });
    const [meetingsPort, mediaPort, gatewayPort] = [await freePort(), await freePort(), await freePort()];
    const common = { ...secrets, NATS_URL: testNatsUrl(), LOG_LEVEL: 'warn' };
    const [meetings, media] = await Promise.all([
      spawnService('subgraphs/meetings/dist/src/main.js', meetingsPort, {
        ...common,
        MEETINGS_PORT: String(meetingsPort),
        MEETINGS_DATABASE_URL: meetingsDb,
        MEETINGS_CONSUMER_PREFIX: meetingsPrefix,
        MEETINGS_CONSUMER_START: 'new',
      }),
      spawnService('subgraphs/media/dist/src/main.js', mediaPort, {
        ...common,
        MEDIA_PORT: String(mediaPort),
        MEDIA_DATABASE_URL: mediaDb,
        MEDIA_CONSUMER_PREFIX: mediaPrefix,
        MEDIA_CONSUMER_START: 'new',
        S3_ENDPOINT: s3.endpoint,
        S3_ACCESS_KEY_ID: s3.credentials.accessKeyId,
        S3_SECRET_ACCESS_KEY: s3.credentials.secretAccessKey,
        S3_BUCKET: `media-e2e-${run}`,
      }),
    ]);
    services.push(meetings!, media!);
    const gateway = await spawnService('gateway/dist/src/main.js', gatewayPort, {
      ...common,
      GATEWAY_PORT: String(gatewayPort),
      MEETINGS_SUBGRAPH_URL: `${meetings!.url}/graphql`,
      MEDIA_SUBGRAPH_URL: `${media!.url}/graphql`,
      SUPERGRAPH_PATH: resolve(repoRoot, 'supergraph.graphql'),
    });
    services.push(gateway);
    // Fresh durable consumers replay the EVENTS history first; start once they are live.
    await Promise.all([
      waitForCatchUp(nc, 'STATE', `${mediaPrefix}-meeting-state`),
      waitForCatchUp(nc, 'EVENTS', `${meetingsPrefix}-status-media-ready`),
    ]);
    const token = await mintDevToken(secrets.JWT_SECRET, { sub: `alice-${run}`, email: 'alice@example.com' });
    asAlice = graphqlClient(`${gateway.url}/graphql`, token);
  });

  after(async () => {
    for (const service of services.reverse()) await service.stop();
    await nc?.close();
    await deleteConsumersWithPrefix(testNatsUrl(), meetingsPrefix);
    await deleteConsumersWithPrefix(testNatsUrl(), mediaPrefix);
    await Promise.all([dropDatabase(meetingsDb), dropDatabase(mediaDb)]);
    await s3?.stop();
    await fixtures?.remove();
    if (s3Dir) await rm(s3Dir, { recursive: true, force: true });
  });

  async function uploadThroughGateway(meetingId: string, path: string) {
    const issued = await asAlice(REQUEST_UPLOAD, {
      input: {
        meetingId,
        fileName: path.split('/').pop(),
        contentType: 'audio/mpeg',
        byteSize: (await stat(path)).size,
      },
    });
    assert.equal(issued.errors, undefined, JSON.stringify(issued.errors));
    const session = issued.data!.requestMediaUpload as IssuedUpload;
    await sendToStorage(session, path);
    const completed = await asAlice(COMPLETE_UPLOAD, { id: session.media.id });
    assert.equal(completed.errors, undefined, JSON.stringify(completed.errors));
    return completed.data!.completeMediaUpload as Record<string, any>;
  }

  it('a user creates a meeting, uploads a recording straight to storage and sees it READY; transcription waits on JetStream', async () => {
    const created = await asAlice(
      'mutation { createMeeting(input: { title: "Weekly planning", language: "en" }) { id status } }',
    );
    assert.equal(created.errors, undefined, JSON.stringify(created.errors));
    const meeting = created.data!.createMeeting as { id: string; status: string };
    assert.equal(meeting.status, 'AWAITING_MEDIA');

    const asset = await uploadThroughGateway(meeting.id, fixtures.mp3);
    assert.equal(asset.status, 'READY', JSON.stringify(asset));

    const seen = await eventually(async () => {
      const response = await asAlice(
        'query ($id: ID!) { meeting(id: $id) { status media { id status durationSeconds fileName } } }',
        { id: meeting.id },
      );
      const data = response.data!.meeting as { status: string; media: Array<Record<string, any>> };
      assert.equal(data.status, 'PROCESSING');
      return data;
    }, 20_000);
    assert.equal(seen.media.length, 1);
    assert.equal(seen.media[0]!.status, 'READY');
    assert.ok(
      Math.abs(seen.media[0]!.durationSeconds - 60) < 1,
      `duration ${seen.media[0]!.durationSeconds}`,
    );

    const jobs = await eventually(async () => {
      const taken = await takeJobs(nc, 'asr', [asset.transcriptId]);
      assert.equal(taken.length, 1, 'a transcription job waits on JOBS');
      return taken;
    });
    assert.equal(jobs[0]!.payload.meetingId, meeting.id);
    assert.equal(jobs[0]!.payload.mediaId, asset.id);
    assert.equal(jobs[0]!.payload.language, 'en');
  });

  it('tells the user why a bad file is refused', async () => {
    const created = await asAlice('mutation { createMeeting(input: { title: "Bad upload" }) { id } }');
    const meetingId = (created.data!.createMeeting as { id: string }).id;
    const asset = await uploadThroughGateway(meetingId, fixtures.text);
    assert.equal(asset.status, 'REJECTED');
    assert.equal(asset.rejectionCode, 'NOT_MEDIA');
    assert.match(asset.rejectionReason, /[a-z]{3,} .*[a-z]{3,}/i);
    assert.equal(asset.transcriptId, null);
    const meeting = await asAlice(
      'query ($id: ID!) { meeting(id: $id) { status media { status rejectionReason } } }',
      {
        id: meetingId,
      },
    );
    assert.deepEqual(meeting.data, {
      meeting: {
        status: 'AWAITING_MEDIA',
        media: [{ status: 'REJECTED', rejectionReason: asset.rejectionReason }],
      },
    });
  });
});
