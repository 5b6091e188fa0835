import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { connect, type NatsConnection } from 'nats';
import { mintDevToken } from '@mymeet/auth';
import { deleteConsumersWithPrefix } from '@mymeet/messaging';
import {
  dropDatabase,
  eventually,
  freePort,
  graphqlClient,
  publishEvent,
  repoRoot,
  spawnService,
  testDatabaseUrl,
  testNatsUrl,
  testSecrets,
  waitForCatchUp,
  type SpawnedService,
} from '@mymeet/testing';
import { FakeWorker, sampleSegments } from './support/fake-worker.js';

/**
 * Meetings, transcripts and the gateway as their own processes; the test plays media (media.ready)
 * and the ASR worker (its events), exactly as they publish, and reads everything through the gateway.
 */
describe('transcripts end to end: gateway, meetings and transcripts processes', function () {
  this.timeout(120_000);
  const secrets = testSecrets();
  const meetingsDb = testDatabaseUrl('transcripts_e2e_meetings');
  const transcriptsDb = testDatabaseUrl('transcripts_e2e_transcripts');
  const run = randomUUID().slice(0, 8);
  const meetingsPrefix = `transcripts-e2e-meetings-${run}`;
  const transcriptsPrefix = `transcripts-e2e-transcripts-${run}`;
  const services: SpawnedService[] = [];
  let nc: NatsConnection;
  let asAlice: ReturnType<typeof graphqlClient>;
  let asEve: ReturnType<typeof graphqlClient>;

  before(async () => {
    nc = await connect({ servers: testNatsUrl() });
    const [meetingsPort, transcriptsPort, gatewayPort] = [
      await freePort(),
      await freePort(),
      await freePort(),
    ];
    const common = { ...secrets, NATS_URL: testNatsUrl(), LOG_LEVEL: 'warn' };
    const [meetings, transcripts] = await Promise.all([
      spawnService('subgraphs/meetings/dist/src/main.js', meetingsPort, {
        ...common,
        MEETINGS_PORT: String(meetingsPort),
        MEETINGS_DATABASE_URL: meetingsDb,
        MEETINGS_CONSUMER_PREFIX: meetingsPrefix,
        MEETINGS_CONSUMER_START: 'new',
      }),
      spawnService('subgraphs/transcripts/dist/src/main.js', transcriptsPort, {
        ...common,
        TRANSCRIPTS_PORT: String(transcriptsPort),
        TRANSCRIPTS_DATABASE_URL: transcriptsDb,
        TRANSCRIPTS_CONSUMER_PREFIX: transcriptsPrefix,
        TRANSCRIPTS_CONSUMER_START: 'new',
      }),
    ]);
    services.push(meetings!, transcripts!);
    const gateway = await spawnService('gateway/dist/src/main.js', gatewayPort, {
      ...common,
      GATEWAY_PORT: String(gatewayPort),
      MEETINGS_SUBGRAPH_URL: `${meetings!.url}/graphql`,
      TRANSCRIPTS_SUBGRAPH_URL: `${transcripts!.url}/graphql`,
      SUPERGRAPH_PATH: resolve(repoRoot, 'supergraph.graphql'),
    });
    services.push(gateway);
    await waitForCatchUp(nc, 'STATE', `${transcriptsPrefix}-meeting-state`);
    const token = (sub: string, email: string) => mintDevToken(secrets.JWT_SECRET, { sub, email });
    asAlice = graphqlClient(`${gateway.url}/graphql`, await token(`alice-${run}`, 'alice@example.com'));
    asEve = graphqlClient(`${gateway.url}/graphql`, await token(`eve-${run}`, 'eve@example.com'));
  });

  after(async () => {
    for (const service of services.reverse()) await service.stop();
    await nc?.close();
    await deleteConsumersWithPrefix(testNatsUrl(), meetingsPrefix);
    await deleteConsumersWithPrefix(testNatsUrl(), transcriptsPrefix);
    await Promise.all([dropDatabase(meetingsDb), dropDatabase(transcriptsDb)]);
  });

  /** A meeting created through the gateway whose recording media announces READY. */
  async function meetingWithRecording(title: string) {
    const created = await asAlice(
      'mutation ($t: String!) { createMeeting(input: { title: $t, language: "en" }) { id } }',
      {
        t: title,
      },
    );
    assert.equal(created.errors, undefined, JSON.stringify(created.errors));
    const meetingId = (created.data!.createMeeting as { id: string }).id;
    const transcriptId = randomUUID();
    const mediaId = randomUUID();
    // The meeting must be known to transcripts (from STATE) before its recording is: as in production,
    // where a meeting exists long before an upload of it is validated.
    await waitForCatchUp(nc, 'STATE', `${transcriptsPrefix}-meeting-state`);
    await publishEvent(nc, 'media.ready', meetingId, {
      mediaId,
      transcriptId,
      language: 'en',
      objectKey: `meetings/${meetingId}/media/${mediaId}/call.mp3`,
      contentType: 'audio/mpeg',
      byteSize: 500_000,
      durationSeconds: 30,
    });
    return { meetingId, transcriptId, worker: new FakeWorker(nc, meetingId, transcriptId) };
  }

  const readMeeting = async (client: typeof asAlice, meetingId: string) => {
    const response = await client(
      `query ($id: ID!) { meeting(id: $id) { status failureReason
        transcript { id status failureReason text wordCount segments(first: 2) { edges { node { index text } } pageInfo { hasNextPage } } } } }`,
      { id: meetingId },
    );
    assert.equal(response.errors, undefined, JSON.stringify(response.errors));
    return response.data!.meeting as Record<string, any> | null;
  };

  it('shows the transcript on the meeting through the gateway once the worker is done', async () => {
    const { meetingId, transcriptId, worker } = await meetingWithRecording('Standup');
    await eventually(async () => {
      const meeting = await readMeeting(asAlice, meetingId);
      assert.equal(meeting?.transcript?.status, 'QUEUED');
      assert.equal(meeting?.status, 'PROCESSING');
    });
    const segments = sampleSegments(3);
    await worker.run(segments);
    const done = await eventually(async () => {
      const meeting = await readMeeting(asAlice, meetingId);
      assert.equal(meeting?.status, 'TRANSCRIBED');
      assert.equal(meeting?.transcript?.status, 'COMPLETED');
      return meeting!;
    }, 20_000);
    assert.equal(done.transcript.id, transcriptId);
    assert.equal(done.transcript.text, segments.map((s) => s.text).join(' '));
    assert.deepEqual(
      done.transcript.segments.edges.map((e: any) => e.node.index),
      [0, 1],
    );
    assert.equal(done.transcript.segments.pageInfo.hasNextPage, true);
    assert.equal(await readMeeting(asEve, meetingId), null);
  });

  it('shows a failed transcription on the transcript and the meeting, with the reason', async () => {
    const { meetingId, worker } = await meetingWithRecording('Bad recording');
    // The meeting follows the run first (meetings handles each event kind on its own consumer, and a
    // failure applied before media.ready would be overwritten by it: reported to the meetings owner).
    await eventually(async () => assert.equal((await readMeeting(asAlice, meetingId))?.status, 'PROCESSING'));
    await worker.progress('DECODING', 3);
    await worker.failed('The recording has no decodable audio');
    const failed = await eventually(async () => {
      const meeting = await readMeeting(asAlice, meetingId);
      assert.equal(meeting?.status, 'FAILED');
      assert.equal(meeting?.transcript?.status, 'FAILED');
      return meeting!;
    }, 20_000);
    assert.equal(failed.failureReason, 'The recording has no decodable audio');
    assert.equal(failed.transcript.failureReason, 'The recording has no decodable audio');
  });
});
