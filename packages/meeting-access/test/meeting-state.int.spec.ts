import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { connect, type NatsConnection } from 'nats';
import { createEvent, meetingStateSubject, parseEvent, type EventEnvelope } from '@mymeet/contracts';
import { createLogger } from '@mymeet/core';
import { openDatabase, type MikroORM } from '@mymeet/database';
import { openMessaging, type Messaging, type RunningConsumer } from '@mymeet/messaging';
import { dropDatabase, eventually, testDatabaseUrl, testNatsUrl } from '@mymeet/testing';
import {
  MeetingAccessEntity,
  Migration20261201000100MeetingAccess,
  Migration20261201000500MeetingAccessVocabulary,
  applyMeetingState,
  consumeMeetingState,
} from '../src/index.js';

describe('versioned meeting state copies against PostgreSQL and NATS', function () {
  this.timeout(60_000);
  const logger = createLogger('meeting-access-test', 'silent');
  const url = testDatabaseUrl('meeting_access');
  let orm: MikroORM;

  before(async () => {
    orm = await openDatabase({
      url,
      entities: [MeetingAccessEntity],
      migrations: [Migration20261201000100MeetingAccess, Migration20261201000500MeetingAccessVocabulary],
    });
  });

  after(async () => {
    await orm.close();
    await dropDatabase(url);
  });

  const alice = 'alice';
  function history(meetingId: string): EventEnvelope[] {
    return [
      createEvent('meeting.created', meetingId, {
        ownerId: alice,
        participantEmails: ['bob@example.com'],
        version: 1,
        title: 't',
      }),
      createEvent('meeting.updated', meetingId, {
        ownerId: alice,
        participantEmails: ['bob@example.com', 'carol@example.com'],
        version: 2,
        title: 't',
      }),
      // Bob is removed.
      createEvent('meeting.updated', meetingId, {
        ownerId: alice,
        participantEmails: ['carol@example.com'],
        version: 3,
        title: 't',
      }),
    ];
  }

  const copyOf = (meetingId: string) => orm.em.fork().findOne(MeetingAccessEntity, { meetingId });

  function permutations<T>(items: T[]): T[][] {
    if (items.length <= 1) return [items];
    return items.flatMap((item, n) =>
      permutations([...items.slice(0, n), ...items.slice(n + 1)]).map((rest) => [item, ...rest]),
    );
  }

  it('converges on the newest state in every order of delivery, with redeliveries', async () => {
    for (const order of permutations([0, 1, 2])) {
      const meetingId = randomUUID();
      const events = history(meetingId);
      for (const n of [...order, ...order]) await applyMeetingState(orm.em.fork(), events[n]!);
      const copy = await copyOf(meetingId);
      assert.equal(copy?.version, 3, `order ${order.join(',')}`);
      assert.deepEqual(copy?.participantEmails, ['carol@example.com'], `order ${order.join(',')}`);
    }
  });

  it('converges when the events of one meeting are applied concurrently', async () => {
    for (let round = 0; round < 5; round++) {
      const meetingId = randomUUID();
      const events = history(meetingId);
      await Promise.all([...events, ...events].map((event) => applyMeetingState(orm.em.fork(), event)));
      const copy = await copyOf(meetingId);
      assert.deepEqual([copy?.version, copy?.participantEmails], [3, ['carol@example.com']]);
    }
  });

  it('keeps a deleted meeting deleted whatever arrives after, and runs the cascade once', async () => {
    const meetingId = randomUUID();
    const [created, updated] = history(meetingId);
    const deleted = createEvent('meeting.deleted', meetingId, { ownerId: alice, version: 4 });
    let cascades = 0;
    const onDeleted = async () => void (cascades += 1);
    for (const event of [created!, deleted, updated!, deleted, created!]) {
      await applyMeetingState(orm.em.fork(), event, onDeleted);
    }
    const copy = await copyOf(meetingId);
    assert.equal(copy?.deleted, true);
    assert.deepEqual(copy?.participantEmails, []);
    assert.equal(cascades, 1);
  });

  it('applies events published before meetings had versions, in arrival order, never over a versioned state', async () => {
    const meetingId = randomUUID();
    // What the STATE stream still holds from before versions: the payload has no `version`.
    const legacy = (participantEmails: string[]) =>
      parseEvent({
        ...createEvent('meeting.updated', meetingId, {
          ownerId: alice,
          participantEmails,
          version: 1,
          title: 't',
        }),
        payload: { ownerId: alice, participantEmails, title: 't' },
      });
    await applyMeetingState(orm.em.fork(), legacy(['bob@example.com']));
    assert.deepEqual((await copyOf(meetingId))?.participantEmails, ['bob@example.com']);
    await applyMeetingState(orm.em.fork(), legacy(['carol@example.com']));
    assert.deepEqual((await copyOf(meetingId))?.participantEmails, ['carol@example.com']);
    const [, versioned] = history(meetingId);
    await applyMeetingState(orm.em.fork(), versioned!);
    await applyMeetingState(orm.em.fork(), legacy(['mallory@example.com']));
    const copy = await copyOf(meetingId);
    assert.deepEqual([copy?.version, copy?.participantEmails], [2, ['bob@example.com', 'carol@example.com']]);
  });

  describe('from the STATE stream', () => {
    let messaging: Messaging;
    let nc: NatsConnection;
    const consumers: RunningConsumer[] = [];
    const prefix = `test-${randomUUID().slice(0, 8)}`;

    before(async () => {
      messaging = await openMessaging(testNatsUrl(), 'meeting-access-test');
      nc = await connect({ servers: testNatsUrl() });
    });

    after(async () => {
      for (const consumer of consumers) await consumer.stop(100);
      for (const name of [`${prefix}-a-meeting-state`, `${prefix}-b-meeting-state`])
        await messaging.jsm.consumers.delete('STATE', name).catch(() => false);
      await nc.close();
      await messaging.close();
    });

    it('lets a consumer deployed later learn every meeting from the compacted stream, with two instances', async () => {
      const meetings = Array.from({ length: 20 }, () => randomUUID());
      const js = nc.jetstream();
      for (const meetingId of meetings) {
        for (const event of history(meetingId)) {
          await js.publish(meetingStateSubject(meetingId), JSON.stringify(event), { msgID: event.id });
        }
      }
      // Deployed after the fact: two instances of a new service share one durable.
      for (let instance = 0; instance < 2; instance++) {
        consumers.push(await consumeMeetingState(orm, messaging, logger, { consumerPrefix: `${prefix}-a` }));
      }
      await eventually(async () => {
        for (const meetingId of meetings) {
          const copy = await copyOf(meetingId);
          assert.deepEqual([copy?.version, copy?.participantEmails], [3, ['carol@example.com']]);
        }
      }, 20_000);
    });
  });
});
