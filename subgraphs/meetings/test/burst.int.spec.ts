import 'reflect-metadata';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { connect, type NatsConnection } from 'nats';
import type { AuthenticatedUser } from '@mymeet/auth';
import { STREAMS, createEvent, eventSubject } from '@mymeet/contracts';
import { createLogger } from '@mymeet/core';
import { deleteConsumersWithPrefix } from '@mymeet/messaging';
import {
  dropDatabase,
  subgraphClient,
  testDatabaseUrl,
  testNatsUrl,
  testSecrets,
  waitForCatchUp,
} from '@mymeet/testing';
import pg from 'pg';
import { loadMeetingsConfig } from '../src/config.js';
import { startMeetingsService, type RunningMeetingsService } from '../src/meetings-service.js';

describe('a burst through two instances of the meetings service (two relays, two consumers per durable)', function () {
  this.timeout(120_000);
  const databaseUrl = testDatabaseUrl('meetings_burst');
  const secrets = testSecrets();
  const consumerPrefix = `burst-${randomUUID().slice(0, 8)}`;
  const alice: AuthenticatedUser = { sub: 'alice', email: 'alice@example.com', roles: [] };
  const instances: RunningMeetingsService[] = [];
  let nc: NatsConnection;
  let db: pg.Client;

  before(async () => {
    for (let n = 0; n < 2; n++) {
      const config = loadMeetingsConfig({
        ...secrets,
        MEETINGS_DATABASE_URL: databaseUrl,
        MEETINGS_PORT: '0',
        NATS_URL: testNatsUrl(),
        MEETINGS_CONSUMER_PREFIX: consumerPrefix,
        MEETINGS_CONSUMER_START: 'new',
        LOG_LEVEL: 'silent',
      });
      instances.push(await startMeetingsService(config, createLogger('burst', 'silent')));
    }
    nc = await connect({ servers: testNatsUrl() });
    db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
  });

  after(async () => {
    for (const instance of instances) await instance.stop();
    await db?.end();
    await nc?.close();
    await deleteConsumersWithPrefix(testNatsUrl(), consumerPrefix);
    await dropDatabase(databaseUrl);
  });

  it('applies each of 1,000 pipeline events exactly once and publishes each meeting event exactly once', async () => {
    const meetingCount = 100;
    const runsPerMeeting = 10;
    const ids: string[] = [];
    for (let n = 0; n < meetingCount; n++) {
      const instance = instances[n % 2]!;
      const created = await subgraphClient(`${instance.url}/graphql`, 'meetings', secrets.INTERNAL_SECRET)(
        alice,
        'mutation ($title: String!) { createMeeting(input: { title: $title }) { id } }',
        { title: `Burst ${n}` },
      );
      ids.push((created.data as { createMeeting: { id: string } }).createMeeting.id);
    }
    // Every meeting.created reaches EVENTS once, whichever relay published it.
    const published = new Map<string, number>();
    const events = await nc.jetstream().consumers.get(STREAMS.events.name, {
      filterSubjects: 'events.meeting.*.meeting.created',
    });
    // 1,000 pipeline events: ten new transcription runs per meeting, each published twice (a redelivery).
    const started = Date.now();
    const js = nc.jetstream();
    const publishes: Array<Promise<unknown>> = [];
    for (let run = 0; run < runsPerMeeting; run++) {
      for (const id of ids) {
        const event = createEvent('transcript.queued', id, {
          transcriptId: randomUUID(),
          mediaId: randomUUID(),
        });
        for (const copy of [1, 2]) {
          publishes.push(
            js.publish(eventSubject(id, 'transcript.queued'), JSON.stringify(event), {
              msgID: `${event.id}-${copy}`,
            }),
          );
        }
      }
    }
    await Promise.all(publishes);
    await waitForCatchUp(nc, STREAMS.events.name, `${consumerPrefix}-status-transcript-queued`, 100_000);
    const elapsedMs = Date.now() - started;
    const { rows } = await db.query<{ version: number; n: string }>(
      'select version, count(*) as n from meeting group by version',
    );
    // Created at version 1, plus one per applied run: every run applied once, none twice.
    assert.deepEqual(rows, [{ version: 1 + runsPerMeeting, n: String(meetingCount) }]);
    const outbox = await db.query<{ n: string }>(
      "select count(*) as n from outbox_event where published_at is not null and subject like 'events.%'",
    );
    assert.equal(outbox.rows[0]?.n, String(meetingCount));
    for (;;) {
      const message = await events.next({ expires: 1_000 });
      if (!message) break;
      const id = message.subject.split('.')[2]!;
      if (ids.includes(id)) published.set(id, (published.get(id) ?? 0) + 1);
      message.ack();
    }
    assert.equal(published.size, meetingCount);
    assert.ok(
      [...published.values()].every((count) => count === 1),
      'each meeting.created published once',
    );
    console.log(
      `      ${meetingCount * runsPerMeeting} events (x2 deliveries) applied by two instances in ${elapsedMs} ms ` +
        `(${Math.round((meetingCount * runsPerMeeting * 1000) / elapsedMs)} events/s)`,
    );
  });
});
