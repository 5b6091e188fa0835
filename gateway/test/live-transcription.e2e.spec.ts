import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { connect, type NatsConnection } from 'nats';
import { mintDevToken } from '@mymeet/auth';
import { STREAMS, jobSubject } from '@mymeet/contracts';
import { deleteConsumersWithPrefix } from '@mymeet/messaging';
import {
  dropDatabase,
  freePort,
  graphqlClient,
  repoRoot,
  spawnService,
  synthesizeRecording,
  testDatabaseUrl,
  testNatsUrl,
  testSecrets,
  waitForCatchUp,
  type SpawnedService,
  type SynthesizedRecording,
} from '@mymeet/testing';
import { startLocalS3Server, type LocalS3Server } from '@mymeet/tools';
import { followToEnd, watch, type Watch } from './support/progress-watcher.js';

const TURNS = [
  { voice: 'rms', text: 'Good morning everyone, let us start with the quarterly budget review.' },
  { voice: 'slt', text: 'The marketing team will present the new campaign next week.' },
  { voice: 'rms', text: 'Please send the meeting notes to all participants by Friday.' },
];

const QUERY = `subscription ($meetingId: ID!, $after: String) {
  transcriptProgress(meetingId: $meetingId, after: $after) {
    cursor transcriptId stage percent segment { index text } meeting { status }
  }
}`;

interface Progress {
  cursor: string;
  transcriptId: string;
  stage: string;
  percent: number;
  segment: { index: number; text: string } | null;
  meeting: { status: string } | null;
}

/**
 * The "done when" with every deployable in its own process: a client watches a real upload
 * transcribed by the real ASR worker live through the gateway, survives a dropped connection
 * without missing an event, and cannot watch anyone else's meeting.
 */
describe('live transcription end to end: an upload watched through the gateway as the ASR worker runs', function () {
  this.timeout(240_000);
  const secrets = testSecrets();
  const run = randomUUID().slice(0, 8);
  const databases = {
    meetings: testDatabaseUrl('e2e_live_meetings'),
    media: testDatabaseUrl('e2e_live_media'),
    transcripts: testDatabaseUrl('e2e_live_transcripts'),
  };
  const prefix = (name: string) => `live-e2e-${name}-${run}`;
  const services: SpawnedService[] = [];
  let s3: LocalS3Server;
  let workDir: string;
  let nc: NatsConnection;
  let wsUrl: string;
  let graphqlUrl: string;
  let alice: string;
  let recording: SynthesizedRecording;

  before(async () => {
    workDir = await mkdtemp(join(tmpdir(), 'live-transcription-e2e-'));
    s3 = await startLocalS3Server({ directory: join(workDir, 's3') });
    await mkdir(join(workDir, 'asr'));
    nc = await connect({ servers: testNatsUrl() });
    // A clean queue: transcription jobs another test file left must not run before ours.
    const jsm = await nc.jetstreamManager();
    await jsm.streams.purge(STREAMS.jobs.name, { filter: jobSubject('asr') }).catch(() => undefined);
    recording = synthesizeRecording({
      turns: TURNS,
      pauseMs: 900,
      directory: workDir,
      fileName: 'standup.ogg',
    });
    const storage = {
      S3_ENDPOINT: s3.endpoint,
      S3_ACCESS_KEY_ID: s3.credentials.accessKeyId,
      S3_SECRET_ACCESS_KEY: s3.credentials.secretAccessKey,
      S3_BUCKET: `live-e2e-${run}`,
    };
    const common = { ...secrets, NATS_URL: testNatsUrl(), LOG_LEVEL: 'warn' };
    const ports = { meetings: await freePort(), media: await freePort(), transcripts: await freePort() };
    const [meetings, media, transcripts] = await Promise.all([
      spawnService('subgraphs/meetings/dist/src/main.js', ports.meetings, {
        ...common,
        MEETINGS_PORT: String(ports.meetings),
        MEETINGS_DATABASE_URL: databases.meetings,
        MEETINGS_CONSUMER_PREFIX: prefix('meetings'),
        MEETINGS_CONSUMER_START: 'new',
      }),
      spawnService('subgraphs/media/dist/src/main.js', ports.media, {
        ...common,
        ...storage,
        MEDIA_PORT: String(ports.media),
        MEDIA_DATABASE_URL: databases.media,
        MEDIA_CONSUMER_PREFIX: prefix('media'),
        MEDIA_CONSUMER_START: 'new',
      }),
      spawnService('subgraphs/transcripts/dist/src/main.js', ports.transcripts, {
        ...common,
        TRANSCRIPTS_PORT: String(ports.transcripts),
        TRANSCRIPTS_DATABASE_URL: databases.transcripts,
        TRANSCRIPTS_CONSUMER_PREFIX: prefix('transcripts'),
        TRANSCRIPTS_CONSUMER_START: 'new',
      }),
    ]);
    services.push(meetings!, media!, transcripts!);
    const workerPort = await freePort();
    services.push(
      await spawnService('workers/asr/dist/src/main.js', workerPort, {
        ...common,
        ...storage,
        ASR_WORKER_PORT: String(workerPort),
        ASR_TEMP_DIR: join(workDir, 'asr'),
      }),
    );
    const gatewayPort = await freePort();
    const gateway = await spawnService('gateway/dist/src/main.js', gatewayPort, {
      ...common,
      GATEWAY_PORT: String(gatewayPort),
      MEETINGS_SUBGRAPH_URL: `${meetings!.url}/graphql`,
      MEDIA_SUBGRAPH_URL: `${media!.url}/graphql`,
      TRANSCRIPTS_SUBGRAPH_URL: `${transcripts!.url}/graphql`,
      SUPERGRAPH_PATH: resolve(repoRoot, 'supergraph.graphql'),
    });
    services.push(gateway);
    graphqlUrl = `${gateway.url}/graphql`;
    wsUrl = graphqlUrl.replace('http://', 'ws://');
    alice = await mintDevToken(secrets.JWT_SECRET, { sub: `alice-${run}`, email: 'alice@example.com' });
  });

  after(async () => {
    for (const service of services.reverse()) await service.stop();
    await nc?.close();
    for (const name of ['meetings', 'media', 'transcripts'])
      await deleteConsumersWithPrefix(testNatsUrl(), prefix(name));
    await Promise.all(Object.values(databases).map((url) => dropDatabase(url)));
    await s3?.stop();
    if (workDir) await rm(workDir, { recursive: true, force: true });
  });

  async function upload(meetingId: string, path: string): Promise<void> {
    const asAlice = graphqlClient(graphqlUrl, alice);
    const issued = await asAlice(
      `mutation ($input: RequestMediaUploadInput!) { requestMediaUpload(input: $input) { media { id } uploadUrl uploadHeaders } }`,
      {
        input: {
          meetingId,
          fileName: 'standup.ogg',
          contentType: 'audio/ogg',
          byteSize: (await stat(path)).size,
        },
      },
    );
    assert.equal(issued.errors, undefined, JSON.stringify(issued.errors));
    const session = issued.data!.requestMediaUpload as {
      media: { id: string };
      uploadUrl: string;
      uploadHeaders: Record<string, string> | null;
    };
    const put = await fetch(session.uploadUrl, {
      method: 'PUT',
      headers: session.uploadHeaders ?? {},
      body: await readFile(path),
    });
    assert.ok(put.ok, `PUT ${put.status}`);
    const completed = await asAlice('mutation ($id: ID!) { completeMediaUpload(mediaId: $id) { status } }', {
      id: session.media.id,
    });
    assert.deepEqual(completed.data, { completeMediaUpload: { status: 'READY' } });
  }

  it('streams QUEUED → … → COMPLETED with a percent that never goes back; a resumed client misses nothing', async () => {
    const created = await graphqlClient(
      graphqlUrl,
      alice,
    )('mutation { createMeeting(input: { title: "Standup", language: "en" }) { id } }');
    assert.equal(created.errors, undefined, JSON.stringify(created.errors));
    const meetingId = (created.data!.createMeeting as { id: string }).id;
    await Promise.all([
      waitForCatchUp(nc, 'STATE', `${prefix('media')}-meeting-state`),
      waitForCatchUp(nc, 'STATE', `${prefix('transcripts')}-meeting-state`),
    ]);

    const mallory = await mintDevToken(secrets.JWT_SECRET, {
      sub: `mallory-${run}`,
      email: 'mallory@example.com',
    });
    assert.deepEqual(await watch(wsUrl, mallory, { meetingId }, { query: QUERY }).ended, {
      kind: 'errors',
      errors: [{ message: 'Meeting not found', extensions: { code: 'NOT_FOUND' } }],
    });

    const reference = watch<Progress>(wsUrl, alice, { meetingId }, { query: QUERY });
    let first: Watch<Progress> | undefined;
    let dropped = false;
    const resumed = followToEnd<Progress>(wsUrl, alice, meetingId, {
      query: QUERY,
      deadlineMs: 200_000,
      onWatch: (connection, attempt) => {
        if (attempt !== 1) return;
        first = connection;
        // Cut the first connection once the worker is under way.
        const poll = setInterval(() => {
          if (
            connection.events.some((event) => event.stage === 'DECODING' || event.stage === 'TRANSCRIBING')
          ) {
            clearInterval(poll);
            connection.drop();
            dropped = true;
          }
        }, 5);
      },
    });
    await new Promise((r) => setTimeout(r, 500));
    await upload(meetingId, recording.path);

    assert.deepEqual(await reference.ended, { kind: 'completed' });
    const { events, connections } = await resumed;
    const stages = reference.events.map((event) => event.stage);
    console.log(`      ${reference.events.length} events: ${[...new Set(stages)].join(' → ')}`);
    assert.equal(stages[0], 'QUEUED');
    assert.equal(stages.at(-1), 'COMPLETED');
    assert.ok(stages.includes('TRANSCRIBING'));
    for (let i = 1; i < reference.events.length; i++) {
      assert.ok(
        reference.events[i]!.percent >= reference.events[i - 1]!.percent,
        `percent went back at ${i}`,
      );
      assert.ok(Number(reference.events[i]!.cursor) > Number(reference.events[i - 1]!.cursor));
    }
    assert.equal(reference.events.at(-1)!.percent, 100);
    assert.ok(reference.events.some((event) => event.segment?.text));
    assert.ok(reference.events.every((event) => event.transcriptId === reference.events[0]!.transcriptId));
    // Entity fields are read when the event is delivered: the meetings service may not have applied
    // the same event yet.
    for (const event of reference.events) {
      assert.ok(
        ['AWAITING_MEDIA', 'PROCESSING', 'TRANSCRIBED'].includes(event.meeting?.status ?? ''),
        JSON.stringify(event),
      );
    }

    assert.ok(
      dropped && connections >= 2,
      `dropped ${dropped}, ${connections} connection(s), first had ${first?.events.length}`,
    );
    assert.deepEqual(
      events.map((event) => event.cursor),
      reference.events.map((event) => event.cursor),
    );
  });
});
