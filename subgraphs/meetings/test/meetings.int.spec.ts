import 'reflect-metadata';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { connect, type NatsConnection } from 'nats';
import type { AuthenticatedUser } from '@mymeet/auth';
import { STREAMS, createEvent, eventSubject, meetingStateSubject } from '@mymeet/contracts';
import { createLogger } from '@mymeet/core';
import { type MikroORM, openDatabase } from '@mymeet/database';
import { deleteConsumersWithPrefix } from '@mymeet/messaging';
import {
  dropDatabase,
  eventually,
  subgraphClient,
  testDatabaseUrl,
  testNatsUrl,
  testSecrets,
  waitForCatchUp,
} from '@mymeet/testing';
import { loadMeetingsConfig } from '../src/config.js';
import { meetingsEntities } from '../src/entities/index.js';
import { MeetingEntity } from '../src/entities/meeting.entity.js';
import { MeetingStatus } from '../src/domain/meeting-status.js';
import { meetingsMigrations } from '../src/migrations/index.js';
import { startMeetingsService, type RunningMeetingsService } from '../src/meetings-service.js';

describe('meetings subgraph against PostgreSQL and NATS', function () {
  const databaseUrl = testDatabaseUrl('meetings');
  const secrets = testSecrets();
  const consumerPrefix = `meetings-test-${randomUUID().slice(0, 8)}`;
  const alice: AuthenticatedUser = { sub: 'alice', email: 'alice@example.com', roles: [] };
  let service: RunningMeetingsService;
  let orm: MikroORM;
  let nc: NatsConnection;

  const call = (
    user: AuthenticatedUser | undefined,
    query: string,
    variables: Record<string, unknown> = {},
  ) => subgraphClient(`${service.url}/graphql`, 'meetings', secrets.INTERNAL_SECRET)(user, query, variables);

  before(async () => {
    const config = loadMeetingsConfig({
      ...secrets,
      MEETINGS_DATABASE_URL: databaseUrl,
      MEETINGS_PORT: '0',
      NATS_URL: testNatsUrl(),
      MEETINGS_CONSUMER_PREFIX: consumerPrefix,
      MEETINGS_CONSUMER_START: 'new',
      LOG_LEVEL: 'silent',
    });
    service = await startMeetingsService(config, createLogger('meetings-test', 'silent'));
    orm = await openDatabase({
      url: databaseUrl,
      entities: meetingsEntities,
      migrations: meetingsMigrations,
    });
    nc = await connect({ servers: testNatsUrl() });
  });

  after(async () => {
    await service?.stop();
    await orm?.close();
    await nc?.close();
    await deleteConsumersWithPrefix(testNatsUrl(), consumerPrefix);
    await dropDatabase(databaseUrl);
  });

  it('refuses callers without gateway-signed identity, and forged identities', async () => {
    const query = '{ meetings { edges { node { id } } } }';
    const anonymous = await call(undefined, query);
    assert.equal(anonymous.errors?.[0]?.extensions?.code, 'UNAUTHENTICATED');
    const forged = subgraphClient(
      `${service.url}/graphql`,
      'meetings',
      'not-the-shared-secret-but-long-enough!!',
    );
    const response = await forged(alice, query);
    assert.equal(response.errors?.[0]?.extensions?.code, 'UNAUTHENTICATED');
  });

  it('creates a meeting, commits its event to the outbox and publishes it to JetStream', async () => {
    const js = nc.jetstream();
    const created = await call(
      alice,
      'mutation { createMeeting(input: { title: "Outbox check", participants: [{ email: "Bob@Example.com" }] }) { id } }',
    );
    const id = (created.data as { createMeeting: { id: string } }).createMeeting.id;
    const consumer = await js.consumers.get('EVENTS', {
      filterSubjects: eventSubject(id, 'meeting.created'),
    });
    const message = await consumer.next({ expires: 5_000 });
    assert.ok(message, 'meeting.created reached the EVENTS stream');
    const event = message.json<{
      id: string;
      kind: string;
      payload: { ownerId: string; participantEmails: string[] };
    }>();
    assert.equal(event.kind, 'meeting.created');
    assert.deepEqual(event.payload.participantEmails, ['bob@example.com']);
    assert.equal(event.payload.ownerId, 'alice');
    await eventually(async () => {
      const [row] = await orm.em
        .fork()
        .getConnection()
        .execute<Array<{ published_at: Date | null }>>('select published_at from outbox_event where id = ?', [
          event.id,
        ]);
      assert.ok(row?.published_at, 'outbox row marked published');
    });
  });

  it("keeps each meeting's newest lifecycle event in the compacted STATE stream", async () => {
    const created = await call(alice, 'mutation { createMeeting(input: { title: "State v1" }) { id } }');
    const id = (created.data as { createMeeting: { id: string } }).createMeeting.id;
    await call(
      alice,
      'mutation ($id: ID!) { updateMeeting(id: $id, input: { title: "State v2", participants: [{ email: "dan@example.com" }] }) { id } }',
      { id },
    );
    const jsm = await nc.jetstreamManager();
    const latest = () =>
      jsm.streams
        .getMessage(STREAMS.state.name, { last_by_subj: meetingStateSubject(id) })
        .then((message) =>
          message.json<{ kind: string; payload: { title?: string; participantEmails?: string[] } }>(),
        );
    await eventually(async () => {
      const state = await latest();
      assert.equal(state.kind, 'meeting.updated');
      assert.equal(state.payload.title, 'State v2');
      assert.deepEqual(state.payload.participantEmails, ['dan@example.com']);
    });
    const info = await jsm.streams.info(STREAMS.state.name, { subjects_filter: meetingStateSubject(id) });
    assert.equal(info.state.subjects?.[meetingStateSubject(id)], 1, 'one message per meeting');

    await call(alice, 'mutation ($id: ID!) { deleteMeeting(id: $id) }', { id });
    await eventually(async () => assert.equal((await latest()).kind, 'meeting.deleted'));
  });

  it('moves a meeting to PROCESSING on media.ready, applying a redelivered event once', async () => {
    const created = await call(
      alice,
      'mutation { createMeeting(input: { title: "Status check" }) { id status } }',
    );
    const { id, status } = (created.data as { createMeeting: { id: string; status: string } }).createMeeting;
    assert.equal(status, 'AWAITING_MEDIA');
    const event = createEvent('media.ready', id, {
      mediaId: randomUUID(),
      transcriptId: randomUUID(),
      objectKey: `meetings/${id}/x.mp3`,
      contentType: 'audio/mpeg',
      byteSize: 1000,
      durationSeconds: 12.5,
    });
    const js = nc.jetstream();
    // The same event twice under different message ids: JetStream keeps both, the consumer must apply it once.
    await js.publish(eventSubject(id, 'media.ready'), JSON.stringify(event), { msgID: randomUUID() });
    await js.publish(eventSubject(id, 'media.ready'), JSON.stringify(event), { msgID: randomUUID() });
    await eventually(async () => {
      const meeting = await orm.em.fork().findOneOrFail(MeetingEntity, { id });
      assert.equal(meeting.status, MeetingStatus.PROCESSING);
    });
    await waitForCatchUp(nc, STREAMS.events.name, `${consumerPrefix}-status-media-ready`);
    // Each applied change bumps the version once: created at 1, moved to PROCESSING once at 2.
    const meeting = await orm.em.fork().findOneOrFail(MeetingEntity, { id });
    assert.equal(meeting.version, 2);
    assert.equal(meeting.currentTranscriptId, event.payload.transcriptId);
  });

  it('ignores the outcome of a superseded transcription run', async () => {
    const created = await call(alice, 'mutation { createMeeting(input: { title: "Two runs" }) { id } }');
    const id = (created.data as { createMeeting: { id: string } }).createMeeting.id;
    const [oldRun, newRun] = [randomUUID(), randomUUID()];
    const js = nc.jetstream();
    const publish = async (event: ReturnType<typeof createEvent>) =>
      js.publish(eventSubject(id, event.kind), JSON.stringify(event), { msgID: event.id });
    const queued = (transcriptId: string) =>
      createEvent('transcript.queued', id, { transcriptId, mediaId: randomUUID() });
    await publish(queued(oldRun));
    await waitForCatchUp(nc, STREAMS.events.name, `${consumerPrefix}-status-transcript-queued`);
    await publish(queued(newRun));
    await waitForCatchUp(nc, STREAMS.events.name, `${consumerPrefix}-status-transcript-queued`);
    await publish(createEvent('transcript.failed', id, { transcriptId: oldRun, reason: 'old run died' }));
    await waitForCatchUp(nc, STREAMS.events.name, `${consumerPrefix}-status-transcript-failed`);
    const during = await call(alice, 'query ($id: ID!) { meeting(id: $id) { status failureReason } }', {
      id,
    });
    assert.deepEqual(during.data, { meeting: { status: 'PROCESSING', failureReason: null } });
    await publish(
      createEvent('transcript.ready', id, { transcriptId: newRun, segmentCount: 3, wordCount: 20 }),
    );
    await eventually(async () => {
      const after = await call(alice, 'query ($id: ID!) { meeting(id: $id) { status } }', { id });
      assert.deepEqual(after.data, { meeting: { status: 'TRANSCRIBED' } });
    });
  });

  it('keeps a meeting vocabulary (trimmed, deduplicated) and carries it in its events for the speech engine', async () => {
    const created = await call(
      alice,
      'mutation { createMeeting(input: { title: "Terms", vocabulary: [" Quillbot ", "quillbot", "Dashwood"] }) { id vocabulary } }',
    );
    const { id, vocabulary } = (created.data as { createMeeting: { id: string; vocabulary: string[] } })
      .createMeeting;
    assert.deepEqual(vocabulary, ['Quillbot', 'Dashwood']);
    const [row] = await orm.em
      .fork()
      .getConnection()
      .execute<Array<{ envelope: { payload: { vocabulary: string[] } } }>>(
        'select envelope from outbox_event where subject = ?',
        [`events.meeting.${id}.meeting.created`],
      );
    assert.deepEqual(row?.envelope.payload.vocabulary, ['Quillbot', 'Dashwood']);
    const tooLong = await call(
      alice,
      'mutation ($id: ID!, $v: [String!]) { updateMeeting(id: $id, input: { vocabulary: $v }) { id } }',
      { id, v: ['x'.repeat(65)] },
    );
    assert.equal(tooLong.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    assert.equal(tooLong.errors?.[0]?.extensions?.field, 'vocabulary.0');
  });

  it('carries a version in every meeting event, one more per change, the deletion included', async () => {
    const created = await call(
      alice,
      'mutation { createMeeting(input: { title: "Versioned", participants: [{ email: "bob@example.com" }] }) { id } }',
    );
    const id = (created.data as { createMeeting: { id: string } }).createMeeting.id;
    // Two concurrent updates: each is applied under the row lock, so neither fails or is lost.
    const updates = await Promise.all(
      ['One', 'Two'].map((title) =>
        call(
          alice,
          'mutation ($id: ID!, $title: String!) { updateMeeting(id: $id, input: { title: $title }) { id } }',
          {
            id,
            title,
          },
        ),
      ),
    );
    assert.deepEqual(
      updates.map((u) => u.errors),
      [undefined, undefined],
    );
    await call(alice, 'mutation ($id: ID!) { deleteMeeting(id: $id) }', { id });
    const rows = await orm.em
      .fork()
      .getConnection()
      .execute<Array<{ envelope: { kind: string; payload: { version: number } } }>>(
        'select envelope from outbox_event where subject like ? order by seq',
        [`events.meeting.${id}.%`],
      );
    assert.deepEqual(
      rows.map((row) => [row.envelope.kind, row.envelope.payload.version]),
      [
        ['meeting.created', 1],
        ['meeting.updated', 2],
        ['meeting.updated', 3],
        ['meeting.deleted', 4],
      ],
    );
  });

  it('records the reason when transcription fails', async () => {
    const created = await call(alice, 'mutation { createMeeting(input: { title: "Failure check" }) { id } }');
    const id = (created.data as { createMeeting: { id: string } }).createMeeting.id;
    const event = createEvent('transcript.failed', id, {
      transcriptId: randomUUID(),
      reason: 'No speech in the recording',
    });
    await nc
      .jetstream()
      .publish(eventSubject(id, 'transcript.failed'), JSON.stringify(event), { msgID: event.id });
    await eventually(async () => {
      const response = await call(alice, 'query ($id: ID!) { meeting(id: $id) { status failureReason } }', {
        id,
      });
      assert.deepEqual(response.data, {
        meeting: { status: 'FAILED', failureReason: 'No speech in the recording' },
      });
    });
  });

  it('pages newest first with stable cursors and filters by status and date', async () => {
    const bob: AuthenticatedUser = { sub: `bob-${randomUUID()}`, email: 'pager@example.com', roles: [] };
    const times = ['2026-01-01T10:00:00Z', '2026-02-01T10:00:00Z', '2026-03-01T10:00:00Z'];
    for (const [index, scheduledAt] of times.entries()) {
      await call(bob, 'mutation ($input: CreateMeetingInput!) { createMeeting(input: $input) { id } }', {
        input: { title: `M${index}`, scheduledAt },
      });
    }
    const page = (after?: string) =>
      call(
        bob,
        'query ($after: String) { meetings(first: 2, after: $after) { edges { cursor node { title } } pageInfo { hasNextPage endCursor } } }',
        { after },
      );
    const first = (await page()).data as any;
    assert.deepEqual(
      first.meetings.edges.map((e: any) => e.node.title),
      ['M2', 'M1'],
    );
    assert.equal(first.meetings.pageInfo.hasNextPage, true);
    const second = (await page(first.meetings.pageInfo.endCursor)).data as any;
    assert.deepEqual(
      second.meetings.edges.map((e: any) => e.node.title),
      ['M0'],
    );
    assert.equal(second.meetings.pageInfo.hasNextPage, false);

    const filtered = await call(
      bob,
      '{ meetings(filter: { from: "2026-01-15T00:00:00Z", to: "2026-02-15T00:00:00Z", status: [AWAITING_MEDIA] }) { edges { node { title } } } }',
    );
    assert.deepEqual(
      (filtered.data as any).meetings.edges.map((e: any) => e.node.title),
      ['M1'],
    );
    const byTitle = await call(
      bob,
      '{ meetings(filter: { titleContains: "m1" }) { edges { node { title } } } }',
    );
    assert.deepEqual(
      (byTitle.data as any).meetings.edges.map((e: any) => e.node.title),
      ['M1'],
    );
    const wildcard = await call(
      bob,
      '{ meetings(filter: { titleContains: "%" }) { edges { node { title } } } }',
    );
    assert.deepEqual((wildcard.data as any).meetings.edges, [], '% is matched literally, not as a wildcard');
    const scheduledOnly = await call(
      bob,
      '{ meetings(filter: { status: [SCHEDULED] }) { edges { node { title } } } }',
    );
    assert.deepEqual((scheduledOnly.data as any).meetings.edges, []);
  });
});
