import 'reflect-metadata';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { connect, type NatsConnection } from 'nats';
import type { AuthenticatedUser } from '@mymeet/auth';
import { TRANSCRIPT_SEGMENTS_SUBJECT } from '@mymeet/contracts';
import { createLogger } from '@mymeet/core';
import { openDatabase, type MikroORM } from '@mymeet/database';
import { deleteConsumersWithPrefix } from '@mymeet/messaging';
import {
  deliverAgain,
  dropDatabase,
  errorCode,
  eventsOf,
  eventually,
  graphqlClient,
  publishEvent,
  subgraphClient,
  takeJobs,
  testDatabaseUrl,
  testNatsUrl,
  testSecrets,
  waitForCatchUp,
} from '@mymeet/testing';
import { loadTranscriptsConfig } from '../src/config.js';
import { transcriptsEntities } from '../src/entities/index.js';
import { transcriptsMigrations } from '../src/migrations/index.js';
import { startTranscriptsService, type RunningTranscriptsService } from '../src/transcripts-service.js';
import { FakeWorker, sampleSegments } from './support/fake-worker.js';
import { ffmpegCueCount, parseSrt, parseVtt } from './support/subtitle-parsers.js';

const TRANSCRIPT_FIELDS = `id meetingId mediaId status stage percent language engine durationSeconds text wordCount
  segmentCount failureReason createdAt completedAt`;
const MISSING_SEGMENTS_TIMEOUT_SECONDS = 4;

describe('transcripts subgraph against PostgreSQL and NATS', function () {
  this.timeout(60_000);
  const databaseUrl = testDatabaseUrl('transcripts');
  const secrets = testSecrets();
  const consumerPrefix = `transcripts-test-${randomUUID().slice(0, 8)}`;
  const alice: AuthenticatedUser = { sub: `alice-${randomUUID()}`, email: 'alice@example.com', roles: [] };
  const bob: AuthenticatedUser = { sub: `bob-${randomUUID()}`, email: 'bob@example.com', roles: [] };
  const eve: AuthenticatedUser = { sub: `eve-${randomUUID()}`, email: 'eve@example.com', roles: [] };
  let service: RunningTranscriptsService;
  let orm: MikroORM;
  let nc: NatsConnection;

  const call = (user: AuthenticatedUser, query: string, variables: Record<string, unknown> = {}) =>
    subgraphClient(`${service.url}/graphql`, 'transcripts', secrets.INTERNAL_SECRET)(user, query, variables);

  /** `Meeting.transcript` as the gateway asks for it (`_entities`). */
  async function meetingTranscript(user: AuthenticatedUser, meetingId: string, fields = TRANSCRIPT_FIELDS) {
    const response = await call(
      user,
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Meeting { transcript { ${fields} } } } }`,
      { r: [{ __typename: 'Meeting', id: meetingId }] },
    );
    assert.equal(response.errors, undefined, JSON.stringify(response.errors));
    return (response.data!._entities as Array<{ transcript: Record<string, any> | null }>)[0]!.transcript;
  }

  async function transcriptById(user: AuthenticatedUser, id: string, fields = TRANSCRIPT_FIELDS) {
    const response = await call(user, `query ($id: ID!) { transcript(id: $id) { ${fields} } }`, { id });
    assert.equal(response.errors, undefined, JSON.stringify(response.errors));
    return response.data!.transcript as Record<string, any> | null;
  }

  const untilStatus = (id: string, status: string, timeoutMs = 15_000) =>
    eventually(async () => {
      const transcript = await transcriptById(alice, id);
      assert.equal(transcript?.status, status, JSON.stringify(transcript));
      return transcript!;
    }, timeoutMs);

  /** Every worker event published so far has been handled and acknowledged. */
  const workerEventsHandled = () => waitForCatchUp(nc, 'EVENTS', `${consumerPrefix}-worker-events`, 20_000);

  /** A meeting as the meetings service announces it (EVENTS and STATE), once this service knows it. */
  async function newMeeting(
    meetingId: string,
    owner: AuthenticatedUser,
    participantEmails: string[] = [],
    language: string | null = 'en',
  ) {
    await publishEvent(nc, 'meeting.created', meetingId, {
      ownerId: owner.sub,
      participantEmails,
      title: 'Weekly planning',
      language,
      version: 1,
    });
    await eventually(async () => {
      const rows = await orm.em
        .fork()
        .getConnection()
        .execute('select 1 from meeting_access where meeting_id = ? and version = 1', [meetingId]);
      assert.equal(rows.length, 1);
    });
  }

  /** A meeting of Alice's with Bob as participant, and a recording media announced READY. */
  async function meetingWithRecording(language: string | null = 'en') {
    const meetingId = randomUUID();
    const mediaId = randomUUID();
    const transcriptId = randomUUID();
    await newMeeting(meetingId, alice, ['bob@example.com'], language);
    const mediaReady = await publishEvent(nc, 'media.ready', meetingId, {
      mediaId,
      transcriptId,
      language,
      objectKey: `meetings/${meetingId}/media/${mediaId}/standup.mp3`,
      contentType: 'audio/mpeg',
      byteSize: 960_000,
      durationSeconds: 60,
    });
    await untilStatus(transcriptId, 'QUEUED');
    return {
      meetingId,
      mediaId,
      transcriptId,
      mediaReady,
      worker: new FakeWorker(nc, meetingId, transcriptId),
    };
  }

  async function segmentRows(transcriptId: string) {
    return orm.em
      .fork()
      .getConnection()
      .execute<Array<{ index: number; raw_text: string; text: string }>>(
        'select "index", raw_text, text from transcript_segment where transcript_id = ? order by "index"',
        [transcriptId],
      );
  }

  async function completedRun(segments = sampleSegments(6)) {
    const setup = await meetingWithRecording();
    await setup.worker.run(segments);
    await untilStatus(setup.transcriptId, 'COMPLETED');
    return setup;
  }

  before(async () => {
    nc = await connect({ servers: testNatsUrl() });
    const config = loadTranscriptsConfig({
      ...secrets,
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      TRANSCRIPTS_PORT: '0',
      TRANSCRIPTS_DATABASE_URL: databaseUrl,
      NATS_URL: testNatsUrl(),
      TRANSCRIPTS_CONSUMER_PREFIX: consumerPrefix,
      TRANSCRIPTS_CONSUMER_START: 'new',
      TRANSCRIPTS_MISSING_SEGMENTS_TIMEOUT_SECONDS: String(MISSING_SEGMENTS_TIMEOUT_SECONDS),
      TRANSCRIPTS_SWEEP_INTERVAL_SECONDS: '0.5',
    });
    service = await startTranscriptsService(config, createLogger('transcripts', 'silent'));
    orm = await openDatabase({
      url: databaseUrl,
      entities: transcriptsEntities,
      migrations: transcriptsMigrations,
    });
  });

  after(async () => {
    await service?.stop();
    await orm?.close();
    await nc?.close();
    await deleteConsumersWithPrefix(testNatsUrl(), consumerPrefix);
    await dropDatabase(databaseUrl);
  });

  it('opens a QUEUED run on media.ready and announces it with transcript.queued', async () => {
    const { meetingId, mediaId, transcriptId } = await meetingWithRecording();
    const transcript = await meetingTranscript(alice, meetingId);
    assert.equal(transcript?.id, transcriptId);
    assert.equal(transcript?.status, 'QUEUED');
    assert.equal(transcript?.mediaId, mediaId);
    assert.equal(transcript?.language, 'en');
    assert.equal(transcript?.durationSeconds, 60);
    assert.equal(transcript?.text, '');
    assert.equal(transcript?.engine, '');
    const queued = await eventually(async () => {
      const events = await eventsOf(nc, meetingId, 'transcript.queued');
      assert.equal(events.length, 1);
      return events[0]!;
    });
    assert.deepEqual(queued.payload, { transcriptId, mediaId, language: 'en' });
  });

  it('stores a run the worker reports, completes it and publishes transcript.ready once', async () => {
    const { meetingId, transcriptId, worker } = await meetingWithRecording();
    await worker.progress('DECODING', 5);
    const processing = await untilStatus(transcriptId, 'PROCESSING');
    assert.equal(processing.stage, 'DECODING');
    const segments = sampleSegments(5);
    await worker.run(segments);
    const done = await untilStatus(transcriptId, 'COMPLETED');
    assert.equal(done.engine, 'pocketsphinx');
    assert.equal(done.stage, 'COMPLETED');
    assert.equal(done.percent, 100);
    assert.equal(done.segmentCount, 5);
    assert.equal(done.text, segments.map((s) => s.text).join(' '));
    assert.equal(done.wordCount, 5 * 7);
    assert.ok(done.completedAt);
    const ready = await eventually(async () => {
      const events = await eventsOf(nc, meetingId, 'transcript.ready');
      assert.equal(events.length, 1);
      return events[0]!;
    });
    assert.deepEqual(ready.payload, { transcriptId, segmentCount: 5, wordCount: 35 });
  });

  it('applies a replay once: the same events again and a redelivered job give one transcript, no duplicates', async () => {
    const { meetingId, transcriptId, worker } = await meetingWithRecording();
    const firstAttempt = sampleSegments(4);
    const events = [];
    for (const segment of firstAttempt.slice(0, 3)) events.push(await worker.segment(segment));
    // The same three events delivered again (same ids), then the job redelivered: every segment anew.
    for (const event of events) await deliverAgain(nc, event);
    const redelivered = await worker.redelivered().run(firstAttempt);
    for (const event of redelivered) await deliverAgain(nc, event);
    const done = await untilStatus(transcriptId, 'COMPLETED');
    // And a completion of yet another attempt arriving late changes nothing.
    await worker.completed(4);
    await worker.segment({ ...firstAttempt[0]!, text: 'a late overwrite' });
    await workerEventsHandled();
    const rows = await segmentRows(transcriptId);
    assert.deepEqual(
      rows.map((row) => row.index),
      [0, 1, 2, 3],
    );
    assert.equal(rows[0]!.text, firstAttempt[0]!.text);
    const after = await transcriptById(alice, transcriptId);
    assert.equal(after?.segmentCount, 4);
    assert.equal(after?.text, done.text);
    assert.equal(after?.wordCount, 28);
    assert.equal((await eventsOf(nc, meetingId, 'transcript.ready')).length, 1);
  });

  it('takes segments in any order: a completion that comes first waits for the missing ones', async () => {
    const { transcriptId, worker } = await meetingWithRecording();
    const segments = sampleSegments(6);
    await worker.completed(6);
    for (const segment of [...segments].reverse().slice(0, 5)) await worker.segment(segment);
    const waiting = await eventually(async () => {
      const transcript = await transcriptById(alice, transcriptId);
      assert.equal(transcript?.segmentCount, 5);
      return transcript!;
    });
    assert.equal(waiting.status, 'PROCESSING');
    await worker.segment(segments[0]!);
    const done = await untilStatus(transcriptId, 'COMPLETED');
    assert.equal(done.text, segments.map((s) => s.text).join(' '));
  });

  it("completes from the redelivered job alone, whatever order the attempts' events arrive in", async () => {
    const { transcriptId, worker: firstAttempt } = await meetingWithRecording();
    const secondAttempt = firstAttempt.redelivered();
    const longer = sampleSegments(5);
    const shorter = sampleSegments(3).map((s) => ({ ...s, text: `second attempt ${s.index}` }));
    // The second attempt splits the audio differently; the first one's events arrive late, in between.
    await secondAttempt.completed(3);
    await secondAttempt.segment(shorter[0]!);
    for (const segment of longer) await firstAttempt.segment(segment);
    for (const segment of shorter.slice(1)) await secondAttempt.segment(segment);
    const done = await untilStatus(transcriptId, 'COMPLETED');
    assert.equal(done.segmentCount, 3);
    assert.equal(done.text, 'second attempt 0 second attempt 1 second attempt 2');
    assert.equal((await segmentRows(transcriptId)).length, 3);
  });

  it("completes on the first attempt's completion even when a redelivery already rewrote some segments", async () => {
    const { transcriptId, worker: firstAttempt } = await meetingWithRecording();
    const segments = sampleSegments(3);
    for (const segment of segments) await firstAttempt.segment(segment);
    await workerEventsHandled();
    // The job was redelivered before the first attempt's completion was handled; the second attempt's
    // own completion shares its event id and is dropped, so the first one's must seal the run.
    await firstAttempt.redelivered().segment({ ...segments[1]!, text: 'rewritten by the second attempt' });
    await workerEventsHandled();
    await firstAttempt.completed(3);
    const done = await untilStatus(transcriptId, 'COMPLETED');
    assert.equal(
      done.text,
      [segments[0]!.text, 'rewritten by the second attempt', segments[2]!.text].join(' '),
    );
  });

  it('fails a run whose reported segments never all arrive, naming them, and tells the meeting', async () => {
    const { meetingId, transcriptId, worker } = await meetingWithRecording();
    const segments = sampleSegments(4);
    await worker.segment(segments[0]!);
    await worker.segment(segments[3]!);
    await worker.completed(4);
    const failed = await untilStatus(
      transcriptId,
      'FAILED',
      MISSING_SEGMENTS_TIMEOUT_SECONDS * 1000 + 15_000,
    );
    assert.match(failed.failureReason, /4 segments, but 2 never arrived \(index 1, 2\)/);
    const announced = await eventually(async () => {
      const events = await eventsOf(nc, meetingId, 'transcript.failed');
      assert.equal(events.length, 1);
      return events[0]!;
    });
    assert.deepEqual(announced.payload, { transcriptId, reason: failed.failureReason });
  });

  it('fails the run at once, with a dead letter, when the worker sends a segment that can never be stored', async () => {
    const { meetingId, transcriptId, worker } = await meetingWithRecording();
    await worker.segment({
      index: 0,
      startMs: 9_000,
      endMs: 4_000,
      speaker: null,
      text: 'backwards',
      confidence: 0.5,
    });
    const failed = await untilStatus(transcriptId, 'FAILED');
    assert.equal(
      failed.failureReason,
      'The transcript could not be stored: Segment 0 ends (4000 ms) before it starts (9000 ms)',
    );
    const announced = await eventually(async () => {
      const events = await eventsOf(nc, meetingId, 'transcript.failed');
      assert.equal(events.length, 1);
      return events[0]!;
    });
    assert.equal(announced.payload.reason, failed.failureReason);
    const jsm = await nc.jetstreamManager();
    const letter = await jsm.streams.getMessage('DEADLETTER', {
      last_by_subj: `deadletter.events.meeting.${meetingId}.transcript.segment`,
    });
    assert.match(letter.header.get('MyMeet-Dead-Reason'), /ends \(4000 ms\) before it starts/);
  });

  it('shows a worker failure with its reason; later events of the run change nothing', async () => {
    const { meetingId, transcriptId, worker } = await meetingWithRecording();
    await worker.progress('DECODING', 10);
    await worker.failed('The recording could not be decoded: invalid data found when processing input');
    const failed = await untilStatus(transcriptId, 'FAILED');
    assert.equal(
      failed.failureReason,
      'The recording could not be decoded: invalid data found when processing input',
    );
    assert.equal(failed.stage, 'FAILED');
    await worker.run(sampleSegments(2));
    await workerEventsHandled();
    const after = await transcriptById(alice, transcriptId);
    assert.equal(after?.status, 'FAILED');
    assert.equal(after?.segmentCount, 0);
    // The worker's own transcript.failed is what moves the meeting; this service adds none.
    assert.equal((await eventsOf(nc, meetingId, 'transcript.failed')).length, 1);
  });

  it('lets only the owner correct a segment: text changes, rawText stays, counts and exports follow', async () => {
    const segments = sampleSegments(3);
    const { transcriptId } = await completedRun(segments);
    const edit =
      'mutation ($t: ID!, $i: Int!, $x: String!) { editTranscriptSegment(transcriptId: $t, index: $i, text: $x) { index text rawText edited speaker startMs } }';
    const edited = await call(alice, edit, { t: transcriptId, i: 1, x: '  Anna will send\nthe notes ' });
    assert.equal(edited.errors, undefined, JSON.stringify(edited.errors));
    assert.deepEqual(edited.data!.editTranscriptSegment, {
      index: 1,
      text: 'Anna will send the notes',
      rawText: segments[1]!.text,
      edited: true,
      speaker: 'S2',
      startMs: 3_500,
    });
    const transcript = await transcriptById(alice, transcriptId, 'text wordCount export(format: TXT)');
    assert.equal(
      transcript?.text,
      [segments[0]!.text, 'Anna will send the notes', segments[2]!.text].join(' '),
    );
    assert.equal(transcript?.wordCount, 7 + 5 + 7);
    assert.match(transcript?.export, /^\[00:00:03\] S2: Anna will send the notes$/m);

    assert.equal(errorCode(await call(bob, edit, { t: transcriptId, i: 1, x: 'bob was here' })), 'FORBIDDEN');
    assert.equal(errorCode(await call(eve, edit, { t: transcriptId, i: 1, x: 'eve was here' })), 'NOT_FOUND');
    assert.equal(errorCode(await call(alice, edit, { t: randomUUID(), i: 1, x: 'x' })), 'NOT_FOUND');
    for (const [variables, field] of [
      [{ t: transcriptId, i: 7, x: 'no such segment' }, 'index'],
      [{ t: transcriptId, i: -1, x: 'negative' }, 'index'],
      [{ t: transcriptId, i: 0, x: '   ' }, 'text'],
    ] as const) {
      const refused = await call(alice, edit, variables);
      assert.equal(errorCode(refused), 'BAD_USER_INPUT');
      assert.equal(refused.errors![0]!.extensions!.field, field);
    }
    const rows = await segmentRows(transcriptId);
    assert.deepEqual(
      rows.map((row) => row.text),
      [segments[0]!.text, 'Anna will send the notes', segments[2]!.text],
    );
  });

  it('refuses edits while the engine is still writing the run', async () => {
    const { transcriptId, worker } = await meetingWithRecording();
    await worker.segment(sampleSegments(1)[0]!);
    await untilStatus(transcriptId, 'PROCESSING');
    const refused = await call(
      alice,
      'mutation ($t: ID!) { editTranscriptSegment(transcriptId: $t, index: 0, text: "early") { text } }',
      { t: transcriptId },
    );
    assert.equal(errorCode(refused), 'BAD_USER_INPUT');
    assert.equal(refused.errors![0]!.extensions!.field, 'transcriptId');
  });

  it('retranscribes: a new run is queued, the corrected old one stays current until the new one completes', async () => {
    const { meetingId, mediaId, transcriptId: firstId } = await completedRun(sampleSegments(3));
    await call(
      alice,
      'mutation ($t: ID!) { editTranscriptSegment(transcriptId: $t, index: 0, text: "Corrected opening") { text } }',
      {
        t: firstId,
      },
    );
    const retranscribe =
      'mutation ($m: ID!, $l: String) { retranscribe(meetingId: $m, language: $l) { id status language mediaId } }';
    const started = await call(alice, retranscribe, { m: meetingId, l: 'en-GB' });
    assert.equal(started.errors, undefined, JSON.stringify(started.errors));
    const run = started.data!.retranscribe as Record<string, string>;
    assert.notEqual(run.id, firstId);
    assert.deepEqual(
      { ...run, id: undefined },
      { id: undefined, status: 'QUEUED', language: 'en-GB', mediaId },
    );
    // Asking again while it runs queues nothing more.
    const again = await call(alice, retranscribe, { m: meetingId, l: 'en-GB' });
    assert.equal((again.data!.retranscribe as { id: string }).id, run.id);

    const job = await eventually(async () => {
      const taken = await takeJobs(nc, 'asr', [run.id!]);
      assert.equal(taken.length, 1, 'the job waits on JOBS under the run id');
      return taken[0]!;
    });
    assert.deepEqual(job.payload, {
      transcriptId: run.id,
      meetingId,
      mediaId,
      objectKey: `meetings/${meetingId}/media/${mediaId}/standup.mp3`,
      language: 'en-GB',
      vocabulary: [],
      // Bob and the owner: the diarizer finds no more voices than that.
      maxSpeakers: 2,
    });
    const queued = await eventually(async () => {
      const events = (await eventsOf(nc, meetingId, 'transcript.queued')).filter(
        (e) => e.payload.transcriptId === run.id,
      );
      assert.equal(events.length, 1);
      return events[0]!;
    });
    assert.equal(queued.payload.language, 'en-GB');

    const current = await meetingTranscript(alice, meetingId, 'id text');
    assert.equal(current?.id, firstId);
    assert.match(current?.text, /^Corrected opening /);

    const worker = new FakeWorker(nc, meetingId, run.id!);
    await worker.run(sampleSegments(2).map((s) => ({ ...s, text: `better ${s.index}` })));
    await untilStatus(run.id!, 'COMPLETED');
    assert.deepEqual(await meetingTranscript(alice, meetingId, 'id text'), {
      id: run.id,
      text: 'better 0 better 1',
    });
    const old = await transcriptById(alice, firstId, 'status text');
    assert.equal(old?.status, 'COMPLETED');
    assert.match(old?.text, /^Corrected opening /);
    const runs = await call(
      alice,
      'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Meeting { transcripts { id } } } }',
      {
        r: [{ __typename: 'Meeting', id: meetingId }],
      },
    );
    assert.deepEqual(
      (runs.data!._entities as Array<{ transcripts: Array<{ id: string }> }>)[0]!.transcripts.map(
        (t) => t.id,
      ),
      [run.id, firstId],
    );
  });

  it('lets only the owner retranscribe, with a valid language, a meeting that has a recording', async () => {
    const { meetingId } = await meetingWithRecording();
    const retranscribe =
      'mutation ($m: ID!, $l: String) { retranscribe(meetingId: $m, language: $l) { id } }';
    assert.equal(errorCode(await call(bob, retranscribe, { m: meetingId })), 'FORBIDDEN');
    assert.equal(errorCode(await call(eve, retranscribe, { m: meetingId })), 'NOT_FOUND');
    assert.equal(errorCode(await call(alice, retranscribe, { m: randomUUID() })), 'NOT_FOUND');
    assert.equal(errorCode(await call(alice, retranscribe, { m: 'not-an-id' })), 'NOT_FOUND');
    const badLanguage = await call(alice, retranscribe, { m: meetingId, l: 'English please' });
    assert.equal(errorCode(badLanguage), 'BAD_USER_INPUT');
    assert.equal(badLanguage.errors![0]!.extensions!.field, 'language');
    const empty = randomUUID();
    await newMeeting(empty, alice);
    const noRecording = await call(alice, retranscribe, { m: empty });
    assert.equal(errorCode(noRecording), 'BAD_USER_INPUT');
    assert.equal(noRecording.errors![0]!.extensions!.field, 'meetingId');
  });

  it('exports TXT, SRT, WebVTT and JSON that standard tools parse', async () => {
    const segments = sampleSegments(4, ['S1', 'S2', null]);
    const { transcriptId } = await completedRun(segments);
    const transcript = await transcriptById(
      alice,
      transcriptId,
      'txt: export(format: TXT) srt: export(format: SRT) vtt: export(format: VTT) json: export(format: JSON)',
    );
    const expected = segments.map((s) => ({
      startMs: s.startMs,
      endMs: s.endMs,
      voice: s.speaker,
      text: s.text,
    }));

    assert.deepEqual(parseVtt(transcript!.vtt), expected);
    assert.match(transcript!.vtt, /<v S1>segment number 0 says hello &amp; &lt;welcome&gt;/);
    assert.deepEqual(parseSrt(transcript!.srt), expected);
    assert.equal(await ffmpegCueCount(transcript!.vtt, 'vtt'), 4);
    assert.equal(await ffmpegCueCount(transcript!.srt, 'srt'), 4);

    const lines = (transcript!.txt as string).trimEnd().split('\n');
    assert.deepEqual(lines, [
      '[00:00:00] S1: segment number 0 says hello & <welcome>',
      '[00:00:03] S2: segment number 1 says hello & <welcome>',
      '[00:00:07] segment number 2 says hello & <welcome>',
      '[00:00:10] S1: segment number 3 says hello & <welcome>',
    ]);
    const json = JSON.parse(transcript!.json as string);
    assert.equal(json.id, transcriptId);
    assert.equal(json.segments.length, 4);
    assert.deepEqual(Object.keys(json.segments[0]).sort(), [
      'confidence',
      'edited',
      'endMs',
      'index',
      'rawText',
      'speaker',
      'startMs',
      'text',
    ]);
  });

  it('pages segments stably, even when a segment is edited between pages', async () => {
    const segments = sampleSegments(23);
    const { transcriptId } = await completedRun(segments);
    const page = `query ($id: ID!, $after: String) { transcript(id: $id) {
      segments(first: 5, after: $after) { edges { cursor node { index text } } pageInfo { hasNextPage endCursor } } } }`;
    const seen: number[] = [];
    let after: string | null = null;
    for (let pages = 0; ; pages += 1) {
      const response = await call(alice, page, { id: transcriptId, after });
      assert.equal(response.errors, undefined, JSON.stringify(response.errors));
      const connection = (response.data!.transcript as any).segments;
      seen.push(...connection.edges.map((edge: any) => edge.node.index));
      if (pages === 1) {
        await call(
          alice,
          'mutation ($t: ID!) { editTranscriptSegment(transcriptId: $t, index: 2, text: "edited") { text } }',
          {
            t: transcriptId,
          },
        );
      }
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }
    assert.deepEqual(
      seen,
      segments.map((s) => s.index),
    );

    const badCursor = await call(alice, page, { id: transcriptId, after: 'bm90LWEtY3Vyc29y' });
    assert.equal(errorCode(badCursor), 'BAD_USER_INPUT');
    assert.equal(badCursor.errors![0]!.extensions!.field, 'after');
    const tooMany = await call(
      alice,
      'query ($id: ID!) { transcript(id: $id) { segments(first: 5000) { edges { cursor } } } }',
      {
        id: transcriptId,
      },
    );
    assert.equal(errorCode(tooMany), 'BAD_USER_INPUT');
    assert.equal(tooMany.errors![0]!.extensions!.field, 'first');
  });

  it("answers the report worker's segment requests page by page, with the corrected text", async () => {
    const segments = sampleSegments(5);
    const { transcriptId } = await completedRun(segments);
    await call(
      alice,
      'mutation ($t: ID!) { editTranscriptSegment(transcriptId: $t, index: 3, text: "Corrected") { text } }',
      { t: transcriptId },
    );
    const ask = async (request: Record<string, unknown>) =>
      (
        await nc.request(TRANSCRIPT_SEGMENTS_SUBJECT, JSON.stringify(request), { timeout: 5_000 })
      ).json<any>();
    const read: Array<{ index: number; text: string }> = [];
    let after: number | null = null;
    let pages = 0;
    do {
      const reply = await ask({ transcriptId, after, limit: 2 });
      assert.equal(reply.ok, true, JSON.stringify(reply));
      assert.equal(reply.status, 'COMPLETED');
      read.push(...reply.segments);
      after = reply.next;
      pages += 1;
    } while (after !== null);
    assert.equal(pages, 3);
    assert.deepEqual(
      read.map((segment) => segment.index),
      [0, 1, 2, 3, 4],
    );
    assert.equal(read[3]!.text, 'Corrected');
    assert.deepEqual(Object.keys(read[0]!).sort(), ['endMs', 'index', 'speaker', 'startMs', 'text']);
    assert.equal((await ask({ transcriptId: randomUUID() })).code, 'TRANSCRIPT_NOT_FOUND');
    assert.equal((await ask({ transcriptId, limit: 5_000 })).code, 'INVALID_REQUEST');
  });

  it('shows a transcript to the owner and participants only', async () => {
    const { meetingId, transcriptId } = await completedRun(sampleSegments(2));
    assert.equal((await meetingTranscript(bob, meetingId))?.id, transcriptId);
    assert.equal(await meetingTranscript(eve, meetingId), null);
    assert.equal(await transcriptById(eve, transcriptId), null);
    assert.equal(await transcriptById(alice, 'not-a-uuid'), null);
    const entities = await call(
      eve,
      'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Transcript { id text } } }',
      { r: [{ __typename: 'Transcript', id: transcriptId }] },
    );
    assert.deepEqual(entities.data, { _entities: [null] });
    const anonymous = await graphqlClient(`${service.url}/graphql`)(
      'query ($id: ID!) { transcript(id: $id) { id } }',
      {
        id: transcriptId,
      },
    );
    assert.equal(errorCode(anonymous), 'UNAUTHENTICATED');
  });

  it("deletes a deleted meeting's transcripts; its late events are dropped", async () => {
    const { meetingId, transcriptId } = await completedRun(sampleSegments(2));
    await publishEvent(nc, 'meeting.deleted', meetingId, { ownerId: alice.sub, version: 2 });
    await eventually(async () => {
      const rows = await orm.em
        .fork()
        .getConnection()
        .execute('select 1 from transcript where meeting_id = ?', [meetingId]);
      assert.equal(rows.length, 0);
    });
    assert.equal((await segmentRows(transcriptId)).length, 0);
    await new FakeWorker(nc, meetingId, transcriptId).segment(sampleSegments(1)[0]!);
    // Acknowledged at once, not retried until dead-lettered.
    await workerEventsHandled();
    assert.equal((await segmentRows(transcriptId)).length, 0);
  });
});
