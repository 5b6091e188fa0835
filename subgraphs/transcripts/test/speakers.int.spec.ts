import 'reflect-metadata';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { connect, type NatsConnection } from 'nats';
import type { AuthenticatedUser } from '@mymeet/auth';
import { MFCC_VOICEPRINT_MODEL, type Voiceprint } from '@mymeet/contracts';
import { createLogger } from '@mymeet/core';
import { deleteConsumersWithPrefix } from '@mymeet/messaging';
import {
  dropDatabase,
  errorCode,
  eventsOf,
  eventually,
  publishEvent,
  subgraphClient,
  takeJobs,
  testDatabaseUrl,
  testNatsUrl,
  testSecrets,
} from '@mymeet/testing';
import { loadTranscriptsConfig } from '../src/config.js';
import { startTranscriptsService, type RunningTranscriptsService } from '../src/transcripts-service.js';
import { FakeWorker, type SegmentPayload } from './support/fake-worker.js';
import { parseSrt, parseVtt } from './support/subtitle-parsers.js';

/** A diagonal-Gaussian voiceprint as the offline diarizer makes it: 19 means, then 19 deviations. */
function voice(mean: number, wobble = 0): Voiceprint {
  return {
    model: MFCC_VOICEPRINT_MODEL,
    vector: [
      ...Array.from({ length: 19 }, (_, c) => mean + Math.sin(c + mean) + wobble * Math.cos(c)),
      ...Array.from({ length: 19 }, () => 2),
    ],
  };
}

/** Alternating turns S1, S2, S1, S1, S2 (the fourth continues S1's turn). */
function meetingSegments(labels = ['S1', 'S2', 'S1', 'S1', 'S2']): SegmentPayload[] {
  const lengths = [4_000, 2_000, 3_000, 1_000, 5_000];
  let at = 0;
  return labels.map((speaker, index) => {
    const startMs = at;
    at += lengths[index]! + 500;
    return {
      index,
      startMs,
      endMs: startMs + lengths[index]!,
      speaker,
      text: `passage ${index} about the quarterly budget`,
      confidence: 0.9,
    };
  });
}

describe('speakers: naming, talk time, exports, search and retranscription (PostgreSQL and NATS)', function () {
  this.timeout(60_000);
  const databaseUrl = testDatabaseUrl('transcripts_speakers');
  const secrets = testSecrets();
  const consumerPrefix = `speakers-test-${randomUUID().slice(0, 8)}`;
  const alice: AuthenticatedUser = { sub: `alice-${randomUUID()}`, email: 'alice@example.com', roles: [] };
  const bob: AuthenticatedUser = { sub: `bob-${randomUUID()}`, email: 'bob@example.com', roles: [] };
  const eve: AuthenticatedUser = { sub: `eve-${randomUUID()}`, email: 'eve@example.com', roles: [] };
  let service: RunningTranscriptsService;
  let nc: NatsConnection;

  const call = (user: AuthenticatedUser, query: string, variables: Record<string, unknown> = {}) =>
    subgraphClient(`${service.url}/graphql`, 'transcripts', secrets.INTERNAL_SECRET)(user, query, variables);

  async function read(user: AuthenticatedUser, id: string, fields: string) {
    const response = await call(user, `query ($id: ID!) { transcript(id: $id) { ${fields} } }`, { id });
    assert.equal(response.errors, undefined, JSON.stringify(response.errors));
    return response.data!.transcript as Record<string, any>;
  }

  const untilCompleted = (id: string) =>
    eventually(async () => assert.equal((await read(alice, id, 'status')).status, 'COMPLETED'), 15_000);

  const nameSpeaker = (user: AuthenticatedUser, variables: Record<string, unknown>) =>
    call(
      user,
      `mutation ($t: ID!, $l: String!, $n: String!, $e: String) {
         nameSpeaker(transcriptId: $t, label: $l, name: $n, email: $e) { label name email talkTimeMs share turns }
       }`,
      variables,
    );

  /** Alice's meeting with Bob as participant, its recording transcribed by the (fake) worker. */
  async function transcribedMeeting(
    segments = meetingSegments(),
    speakers = [
      { label: 'S1', voiceprint: voice(1) },
      { label: 'S2', voiceprint: voice(5) },
    ],
  ) {
    const meetingId = randomUUID();
    const transcriptId = randomUUID();
    await publishEvent(nc, 'meeting.created', meetingId, {
      ownerId: alice.sub,
      participantEmails: ['bob@example.com'],
      title: 'Budget review',
      language: 'en',
      version: 1,
    });
    await publishEvent(nc, 'media.ready', meetingId, {
      mediaId: randomUUID(),
      transcriptId,
      language: 'en',
      objectKey: `meetings/${meetingId}/a.ogg`,
      contentType: 'audio/ogg',
      byteSize: 1000,
      durationSeconds: 20,
    });
    await eventually(async () =>
      assert.ok((await read(alice, transcriptId, 'id')) !== null, 'the run is visible'),
    );
    await new FakeWorker(nc, meetingId, transcriptId).run(segments, speakers);
    await untilCompleted(transcriptId);
    return { meetingId, transcriptId };
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
    });
    service = await startTranscriptsService(config, createLogger('transcripts', 'silent'));
  });

  after(async () => {
    await service?.stop();
    await nc?.close();
    await deleteConsumersWithPrefix(testNatsUrl(), consumerPrefix);
    await dropDatabase(databaseUrl);
  });

  it('counts talk time, share and turns per speaker from the segments', async () => {
    const { transcriptId } = await transcribedMeeting();
    const { speakers } = await read(
      alice,
      transcriptId,
      'speakers { label name email talkTimeMs share turns }',
    );
    assert.deepEqual(speakers, [
      { label: 'S1', name: null, email: null, talkTimeMs: 8_000, share: 8_000 / 15_000, turns: 2 },
      { label: 'S2', name: null, email: null, talkTimeMs: 7_000, share: 7_000 / 15_000, turns: 2 },
    ]);
  });

  it('names a speaker: segments, exports and search show the name, and search hears of it', async () => {
    const { meetingId, transcriptId } = await transcribedMeeting();
    const named = await nameSpeaker(alice, {
      t: transcriptId,
      l: 'S2',
      n: '  Bob   Marley ',
      e: 'Bob@Example.com',
    });
    assert.equal(named.errors, undefined, JSON.stringify(named.errors));
    assert.deepEqual(named.data!.nameSpeaker, {
      label: 'S2',
      name: 'Bob Marley',
      email: 'bob@example.com',
      talkTimeMs: 7_000,
      share: 7_000 / 15_000,
      turns: 2,
    });
    const run = await read(
      alice,
      transcriptId,
      `speakers { label name email }
       segments { edges { node { index speaker speakerLabel } } }
       vtt: export(format: VTT) srt: export(format: SRT) txt: export(format: TXT)`,
    );
    assert.deepEqual(run.speakers, [
      { label: 'S1', name: null, email: null },
      { label: 'S2', name: 'Bob Marley', email: 'bob@example.com' },
    ]);
    assert.deepEqual(
      run.segments.edges.map((edge: { node: unknown }) => edge.node),
      [
        { index: 0, speaker: 'S1', speakerLabel: 'S1' },
        { index: 1, speaker: 'Bob Marley', speakerLabel: 'S2' },
        { index: 2, speaker: 'S1', speakerLabel: 'S1' },
        { index: 3, speaker: 'S1', speakerLabel: 'S1' },
        { index: 4, speaker: 'Bob Marley', speakerLabel: 'S2' },
      ],
    );
    assert.deepEqual(
      parseVtt(run.vtt).map((cue) => cue.voice),
      ['S1', 'Bob Marley', 'S1', 'S1', 'Bob Marley'],
    );
    assert.deepEqual(
      parseSrt(run.srt).map((cue) => cue.voice),
      ['S1', 'Bob Marley', 'S1', 'S1', 'Bob Marley'],
    );
    assert.match(run.txt, /^\[00:00:04\] Bob Marley: passage 1 about the quarterly budget$/m);

    const announced = await eventually(async () => {
      const events = await eventsOf(nc, meetingId, 'transcript.speaker_named');
      assert.equal(events.length, 1);
      return events[0]!;
    });
    assert.deepEqual(announced.payload, { transcriptId, label: 'S2' });
    await eventually(async () => {
      const hits = await call(
        alice,
        `query ($m: ID!) { searchTranscripts(query: "budget", meetingId: $m, speaker: "Bob Marley") {
           edges { node { segment { index speaker } } } } }`,
        { m: meetingId },
      );
      assert.equal(hits.errors, undefined, JSON.stringify(hits.errors));
      const found = (hits.data!.searchTranscripts as { edges: Array<{ node: { segment: unknown } }> }).edges;
      assert.deepEqual(
        found.map((edge) => edge.node.segment).sort((a: any, b: any) => a.index - b.index),
        [
          { index: 1, speaker: 'Bob Marley' },
          { index: 4, speaker: 'Bob Marley' },
        ],
      );
    }, 15_000);
  });

  it('lets only the owner name speakers, of a completed run, with a label it has and a valid name', async () => {
    const { transcriptId } = await transcribedMeeting();
    const byParticipant = await nameSpeaker(bob, { t: transcriptId, l: 'S1', n: 'Alice' });
    assert.equal(errorCode(byParticipant), 'FORBIDDEN');
    const byStranger = await nameSpeaker(eve, { t: transcriptId, l: 'S1', n: 'Alice' });
    assert.equal(errorCode(byStranger), 'NOT_FOUND');
    for (const [variables, field] of [
      [{ l: 'S7', n: 'Alice' }, 'label'],
      [{ l: 'speaker one', n: 'Alice' }, 'label'],
      [{ l: 'S1', n: '   ' }, 'name'],
      [{ l: 'S1', n: 'Alice\nWEBVTT' }, 'name'],
      [{ l: 'S1', n: 'x'.repeat(101) }, 'name'],
      [{ l: 'S1', n: 'Alice', e: 'not-an-address' }, 'email'],
    ] as const) {
      const refused = await nameSpeaker(alice, { t: transcriptId, ...variables });
      assert.equal(errorCode(refused), 'BAD_USER_INPUT', JSON.stringify(variables));
      assert.equal(refused.errors![0]!.extensions!.field, field, JSON.stringify(variables));
    }
    const unknown = await nameSpeaker(alice, { t: randomUUID(), l: 'S1', n: 'Alice' });
    assert.equal(errorCode(unknown), 'NOT_FOUND');
    const { speakers } = await read(alice, transcriptId, 'speakers { name }');
    assert.deepEqual(speakers, [{ name: null }, { name: null }], 'nothing refused was stored');
  });

  it('keeps the names through a retranscription where the voices match, and only there', async () => {
    const { meetingId, transcriptId: firstId } = await transcribedMeeting();
    assert.equal((await nameSpeaker(alice, { t: firstId, l: 'S1', n: 'Alice' })).errors, undefined);
    assert.equal(
      (await nameSpeaker(alice, { t: firstId, l: 'S2', n: 'Bob', e: 'bob@example.com' })).errors,
      undefined,
    );

    const started = await call(alice, 'mutation ($m: ID!) { retranscribe(meetingId: $m) { id } }', {
      m: meetingId,
    });
    assert.equal(started.errors, undefined, JSON.stringify(started.errors));
    const secondId = (started.data!.retranscribe as { id: string }).id;
    await eventually(async () => assert.equal((await takeJobs(nc, 'asr', [secondId])).length, 1));
    // The new run numbers the voices the other way round and hears a third, unknown one.
    await new FakeWorker(nc, meetingId, secondId).run(meetingSegments(['S1', 'S2', 'S3', 'S1', 'S2']), [
      { label: 'S1', voiceprint: voice(5, 0.01) },
      { label: 'S2', voiceprint: voice(1, 0.01) },
      { label: 'S3', voiceprint: voice(9) },
    ]);
    await untilCompleted(secondId);
    const second = await read(
      alice,
      secondId,
      'speakers { label name email } segments { edges { node { speaker } } } txt: export(format: TXT)',
    );
    assert.deepEqual(second.speakers, [
      { label: 'S1', name: 'Bob', email: 'bob@example.com' },
      { label: 'S2', name: 'Alice', email: null },
      { label: 'S3', name: null, email: null },
    ]);
    assert.deepEqual(
      second.segments.edges.map((edge: { node: { speaker: string } }) => edge.node.speaker),
      ['Bob', 'Alice', 'S3', 'Bob', 'Alice'],
    );
    assert.match(second.txt, /^\[00:00:00\] Bob: passage 0/m);

    // A voiceprint of another model says nothing about these voices: no name carries over.
    const third = await call(alice, 'mutation ($m: ID!) { retranscribe(meetingId: $m) { id } }', {
      m: meetingId,
    });
    const thirdId = (third.data!.retranscribe as { id: string }).id;
    await eventually(async () => assert.equal((await takeJobs(nc, 'asr', [thirdId])).length, 1));
    await new FakeWorker(nc, meetingId, thirdId).run(meetingSegments(), [
      { label: 'S1', voiceprint: { model: 'sherpa-onnx:other.onnx', vector: [1, 0, 0] } },
      { label: 'S2', voiceprint: null },
    ]);
    await untilCompleted(thirdId);
    const { speakers } = await read(alice, thirdId, 'speakers { label name }');
    assert.deepEqual(speakers, [
      { label: 'S1', name: null },
      { label: 'S2', name: null },
    ]);
  });
});
