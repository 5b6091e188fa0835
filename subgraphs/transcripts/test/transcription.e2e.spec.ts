import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { connect, type NatsConnection } from 'nats';
import { mintDevToken } from '@mymeet/auth';
import { STREAMS, jobSubject } from '@mymeet/contracts';
import { startLocalS3Server, type LocalS3Server } from '@mymeet/tools';
import { deleteConsumersWithPrefix } from '@mymeet/messaging';
import {
  dropDatabase,
  eventually,
  freePort,
  graphqlClient,
  repoRoot,
  spawnService,
  synthesizeRecording,
  testDatabaseUrl,
  testNatsUrl,
  testSecrets,
  waitForCatchUp,
  wordErrorRate,
  type GraphQLResponse,
  type SpawnedService,
  type SynthesizedRecording,
} from '@mymeet/testing';
import { ffmpegCueCount, parseSrt, parseVtt } from './support/subtitle-parsers.js';

/** Two distinct flite voices taking turns, with sentences a meeting might hold. */
const TURNS = [
  { voice: 'rms', text: 'Good morning everyone, let us start with the quarterly budget review.' },
  { voice: 'slt', text: 'The marketing team will present the new campaign next week.' },
  { voice: 'rms', text: 'Please send the meeting notes to all participants by Friday.' },
  { voice: 'slt', text: 'Our sales grew by ten percent in the last quarter.' },
];

/**
 * The "done when", with every deployable in its own process: a user uploads a recording
 * through the gateway and, with no further action, reads a timed transcript from the real worker.
 */
describe('transcription end to end: upload through the gateway, the ASR worker, the transcript', function () {
  this.timeout(240_000);
  const secrets = testSecrets();
  const run = randomUUID().slice(0, 8);
  const databases = {
    meetings: testDatabaseUrl('e2e_asr_meetings'),
    media: testDatabaseUrl('e2e_asr_media'),
    transcripts: testDatabaseUrl('e2e_asr_transcripts'),
  };
  const prefix = (name: string) => `asr-e2e-${name}-${run}`;
  const services: SpawnedService[] = [];
  let s3: LocalS3Server;
  let workDir: string;
  let nc: NatsConnection;
  let asAlice: ReturnType<typeof graphqlClient>;
  let recording: SynthesizedRecording;

  before(async () => {
    workDir = await mkdtemp(join(tmpdir(), 'transcription-e2e-'));
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
      S3_BUCKET: `asr-e2e-${run}`,
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
    await Promise.all([
      waitForCatchUp(nc, 'STATE', `${prefix('media')}-meeting-state`),
      waitForCatchUp(nc, 'STATE', `${prefix('transcripts')}-meeting-state`),
    ]);
    asAlice = graphqlClient(
      `${gateway.url}/graphql`,
      await mintDevToken(secrets.JWT_SECRET, { sub: `alice-${run}`, email: 'alice@example.com' }),
    );
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
    const issued = await asAlice(
      `mutation ($input: RequestMediaUploadInput!) { requestMediaUpload(input: $input) {
        media { id } uploadMode uploadUrl uploadHeaders } }`,
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
      uploadMode: string;
      uploadUrl: string;
      uploadHeaders: Record<string, string> | null;
    };
    assert.equal(session.uploadMode, 'SINGLE');
    const put = await fetch(session.uploadUrl, {
      method: 'PUT',
      headers: session.uploadHeaders ?? {},
      body: await readFile(path),
    });
    assert.ok(put.ok, `PUT ${put.status}`);
    const completed = await asAlice(
      'mutation ($id: ID!) { completeMediaUpload(mediaId: $id) { status rejectionReason } }',
      {
        id: session.media.id,
      },
    );
    assert.deepEqual(completed.data, { completeMediaUpload: { status: 'READY', rejectionReason: null } });
  }

  async function allSegments(transcriptId: string) {
    const segments: Array<{
      index: number;
      startMs: number;
      endMs: number;
      text: string;
      speaker: string | null;
    }> = [];
    let after: string | null = null;
    for (;;) {
      const response: GraphQLResponse = await asAlice(
        `query ($id: ID!, $after: String) { transcript(id: $id) { segments(first: 2, after: $after) {
          edges { node { index startMs endMs text speaker } } pageInfo { hasNextPage endCursor } } } }`,
        { id: transcriptId, after },
      );
      assert.equal(response.errors, undefined, JSON.stringify(response.errors));
      const connection = (response.data!.transcript as any).segments;
      segments.push(...connection.edges.map((edge: any) => edge.node));
      if (!connection.pageInfo.hasNextPage) return segments;
      after = connection.pageInfo.endCursor;
    }
  }

  it('turns an uploaded recording into a timed transcript the user can read, page and export', async () => {
    const created = await asAlice(
      'mutation { createMeeting(input: { title: "Standup", language: "en" }) { id } }',
    );
    assert.equal(created.errors, undefined, JSON.stringify(created.errors));
    const meetingId = (created.data!.createMeeting as { id: string }).id;
    await Promise.all([
      waitForCatchUp(nc, 'STATE', `${prefix('media')}-meeting-state`),
      waitForCatchUp(nc, 'STATE', `${prefix('transcripts')}-meeting-state`),
    ]);
    await upload(meetingId, recording.path);

    const meeting = await eventually(
      async () => {
        const response = await asAlice(
          `query ($id: ID!) { meeting(id: $id) { status failureReason
            transcript { id status failureReason engine language durationSeconds text wordCount segmentCount vtt: export(format: VTT) } } }`,
          { id: meetingId },
        );
        assert.equal(response.errors, undefined, JSON.stringify(response.errors));
        const data = response.data!.meeting as any;
        // A failure is final: stop waiting and show its reason below.
        assert.ok(data.status === 'TRANSCRIBED' || data.status === 'FAILED', JSON.stringify(data));
        return data;
      },
      180_000,
      500,
    );
    const transcript = meeting.transcript;
    assert.equal(transcript.status, 'COMPLETED', `${meeting.failureReason} / ${transcript.failureReason}`);
    assert.equal(transcript.engine, 'pocketsphinx');
    assert.ok(Math.abs(transcript.durationSeconds - recording.durationMs / 1000) < 0.5);

    const segments = await allSegments(transcript.id);
    assert.equal(segments.length, transcript.segmentCount);
    assert.ok(segments.length > 0);
    segments.forEach((segment, position) => {
      assert.equal(segment.index, position, 'ordered by index');
      assert.ok(segment.startMs < segment.endMs, `segment ${position} has a length`);
      assert.ok(segment.endMs <= recording.durationMs + 50, `segment ${position} ends inside the recording`);
      if (position > 0)
        assert.ok(segment.startMs >= segments[position - 1]!.endMs, `segment ${position} overlaps`);
    });
    assert.equal(
      segments
        .map((s) => s.text)
        .filter(Boolean)
        .join(' '),
      transcript.text,
    );

    const wer = wordErrorRate(recording.reference, transcript.text);
    console.log(
      `      WER ${wer.toFixed(3)} over ${recording.reference.split(' ').length} words: ${transcript.text}`,
    );
    // Measured here: 0.000 (all 41 words right; PocketSphinx is deterministic, so it repeats). The
    // bound is the target for clean synthesized speech, 0.05: two words of slack for another
    // build of Debian's model, while a chunk cut mid-word or a lost segment (3+ words) still fails.
    assert.ok(wer <= 0.05, `WER ${wer}`);

    const cues = parseVtt(transcript.vtt);
    assert.equal(cues.length, segments.filter((s) => s.text).length);
    assert.equal(await ffmpegCueCount(transcript.vtt, 'vtt'), cues.length);
  });

  it('says who said each line, and the names the owner gives flow into the exports', async () => {
    const created = await asAlice(
      'mutation { createMeeting(input: { title: "Names", language: "en" }) { id } }',
    );
    const meetingId = (created.data!.createMeeting as { id: string }).id;
    await Promise.all([
      waitForCatchUp(nc, 'STATE', `${prefix('media')}-meeting-state`),
      waitForCatchUp(nc, 'STATE', `${prefix('transcripts')}-meeting-state`),
    ]);
    await upload(meetingId, recording.path);
    const transcriptId = await eventually(
      async () => {
        const response = await asAlice('query ($id: ID!) { meeting(id: $id) { status transcript { id } } }', {
          id: meetingId,
        });
        const data = response.data!.meeting as { status: string; transcript: { id: string } | null };
        assert.equal(data.status, 'TRANSCRIBED', JSON.stringify(response));
        return data.transcript!.id;
      },
      180_000,
      500,
    );
    // rms opens, so rms is S1; each turn is one line of its own speaker.
    const segments = await allSegments(transcriptId);
    assert.deepEqual(
      segments.map((segment) => segment.speaker),
      TURNS.map((turn) => (turn.voice === 'rms' ? 'S1' : 'S2')),
    );
    const named = await asAlice(
      `mutation ($t: ID!) {
         a: nameSpeaker(transcriptId: $t, label: "S1", name: "Alice Adams", email: "alice@example.com") { label name }
         b: nameSpeaker(transcriptId: $t, label: "S2", name: "Bob Brown") { label name talkTimeMs turns }
       }`,
      { t: transcriptId },
    );
    assert.equal(named.errors, undefined, JSON.stringify(named.errors));
    const read = await asAlice(
      `query ($id: ID!) { transcript(id: $id) { speakers { label name email share turns }
         vtt: export(format: VTT) srt: export(format: SRT) txt: export(format: TXT) } }`,
      { id: transcriptId },
    );
    const transcript = read.data!.transcript as any;
    assert.deepEqual(
      transcript.speakers.map((s: any) => [s.label, s.name, s.email, s.turns]),
      [
        ['S1', 'Alice Adams', 'alice@example.com', 2],
        ['S2', 'Bob Brown', null, 2],
      ],
    );
    const names = TURNS.map((turn) => (turn.voice === 'rms' ? 'Alice Adams' : 'Bob Brown'));
    assert.deepEqual(
      parseVtt(transcript.vtt).map((cue) => cue.voice),
      names,
    );
    assert.deepEqual(
      parseSrt(transcript.srt).map((cue) => cue.voice),
      names,
    );
    assert.match(transcript.txt, /^\[00:00:0\d\] Alice Adams: /);
  });
});
