import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { createLogger } from '@mymeet/core';
import { OutboxRelay, openDatabase, type MikroORM } from '@mymeet/database';
import { dropDatabase, eventually, testDatabaseUrl } from '@mymeet/testing';

describe('outbox relay against PostgreSQL: claiming, order, poison rows, retention', function () {
  this.timeout(30_000);
  const logger = createLogger('outbox-test', 'silent');
  const url = testDatabaseUrl('outbox');
  let orm: MikroORM;

  before(async () => {
    orm = await openDatabase({ url, entities: [], migrations: [] });
  });

  after(async () => {
    await orm.close();
    await dropDatabase(url);
  });

  beforeEach(async () => {
    await orm.em.fork().getConnection().execute('truncate outbox_event, processed_event');
  });

  /** Inserts rows the way stageEvent does, in one transaction per aggregate chunk. */
  async function insertRows(rows: Array<{ subject: string; aggregateId: string | null; createdAt?: Date }>) {
    const ids: string[] = [];
    const connection = orm.em.fork().getConnection();
    for (const row of rows) {
      const id = randomUUID();
      ids.push(id);
      await connection.execute(
        'insert into outbox_event (id, subject, envelope, aggregate_id, created_at) values (?, ?, ?, ?, ?)',
        [id, row.subject, JSON.stringify({ id }), row.aggregateId, row.createdAt ?? new Date()],
      );
    }
    return ids;
  }

  function recordingPublisher(published: Array<{ subject: string; id: string }>, delayMs = 0) {
    return async (subject: string, _data: string, id: string) => {
      if (delayMs) await new Promise((resolve) => setTimeout(resolve, delayMs));
      published.push({ subject, id });
    };
  }

  it('lets two relays drain one table without publishing a row twice, keeping each aggregate in sequence order', async () => {
    const aggregates = Array.from({ length: 10 }, () => randomUUID());
    const ids = await insertRows(
      Array.from({ length: 1_000 }, (_, n) => ({
        subject: `events.meeting.${aggregates[n % 10]}.x`,
        aggregateId: aggregates[n % 10]!,
      })),
    );
    const published: Array<{ subject: string; id: string }> = [];
    const relays = [1, 2].map(
      () => new OutboxRelay(orm, recordingPublisher(published), logger, { batchSize: 50, pollMs: 100 }),
    );
    relays.forEach((relay) => relay.start());
    await eventually(async () => assert.equal(published.length, 1_000), 20_000);
    await Promise.all(relays.map((relay) => relay.stop()));
    assert.equal(new Set(published.map((p) => p.id)).size, 1_000, 'no row published twice');
    const position = new Map(ids.map((id, n) => [id, n]));
    for (const aggregate of aggregates) {
      const order = published.filter((p) => p.subject.includes(aggregate)).map((p) => position.get(p.id)!);
      assert.deepEqual(
        order,
        [...order].sort((a, b) => a - b),
        `aggregate ${aggregate} in order`,
      );
    }
  });

  it('publishes in database sequence order, not by the clock that wrote created_at', async () => {
    const aggregate = randomUUID();
    const now = Date.now();
    // Later rows carry earlier timestamps (another replica's clock runs behind).
    const ids = await insertRows(
      [0, 1, 2].map((n) => ({
        subject: 'events.x',
        aggregateId: aggregate,
        createdAt: new Date(now - n * 60_000),
      })),
    );
    const published: Array<{ subject: string; id: string }> = [];
    await new OutboxRelay(orm, recordingPublisher(published), logger).kick();
    assert.deepEqual(
      published.map((p) => p.id),
      ids,
    );
  });

  it('sets a poison row aside after its attempts, with its error, while the rows behind it are published', async () => {
    const [poison, ...healthy] = await insertRows([
      { subject: 'poison', aggregateId: null },
      { subject: 'events.a', aggregateId: randomUUID() },
      { subject: 'events.b', aggregateId: null },
    ]);
    const published: string[] = [];
    const relay = new OutboxRelay(
      orm,
      async (subject, _data, id) => {
        if (subject === 'poison') throw new Error('maximum payload exceeded');
        published.push(id);
      },
      logger,
      { maxAttempts: 3 },
    );
    await relay.kick();
    assert.deepEqual(published, healthy, 'rows behind the poison row go out on the first pass');
    await eventually(async () => {
      await relay.kick();
      const [row] = await orm.em
        .fork()
        .getConnection()
        .execute<Array<{ attempts: number; failed_at: Date | null; last_error: string }>>(
          'select attempts, failed_at, last_error from outbox_event where id = ?',
          [poison],
        );
      assert.equal(row?.attempts, 3);
      assert.ok(row?.failed_at, 'set aside');
      assert.equal(row?.last_error, 'maximum payload exceeded');
    }, 10_000);
    assert.equal(relay.stats.setAside, 1);
  });

  it('holds back the later rows of an aggregate whose earlier row failed, so its order is kept', async () => {
    const aggregate = randomUUID();
    const [first, second] = await insertRows([
      { subject: 'flaky', aggregateId: aggregate },
      { subject: 'events.after', aggregateId: aggregate },
    ]);
    const published: string[] = [];
    let failures = 1;
    const relay = new OutboxRelay(
      orm,
      async (subject, _data, id) => {
        if (subject === 'flaky' && failures-- > 0) throw new Error('flaky');
        published.push(id);
      },
      logger,
    );
    await relay.kick();
    assert.deepEqual(published, [], 'nothing of the aggregate overtakes its failed first row');
    await eventually(async () => {
      await relay.kick();
      assert.deepEqual(published, [first, second]);
    }, 10_000);
  });

  it('prunes published rows and processed-event ids past their retention', async () => {
    const [old, recent] = await insertRows([
      { subject: 'events.old', aggregateId: null },
      { subject: 'events.recent', aggregateId: null },
    ]);
    const connection = orm.em.fork().getConnection();
    await connection.execute(
      "update outbox_event set published_at = now() - interval '2 days' where id = ?",
      [old],
    );
    await connection.execute('update outbox_event set published_at = now() where id = ?', [recent]);
    const [oldEvent, recentEvent] = [randomUUID(), randomUUID()];
    await connection.execute(
      "insert into processed_event (id, kind, processed_at) values (?, 'x', now() - interval '40 days'), (?, 'x', now())",
      [oldEvent, recentEvent],
    );
    await new OutboxRelay(orm, async () => undefined, logger).kick();
    const outbox = await connection.execute<Array<{ id: string }>>('select id from outbox_event');
    const processed = await connection.execute<Array<{ id: string }>>('select id from processed_event');
    assert.deepEqual(
      outbox.map((row) => row.id),
      [recent],
    );
    assert.deepEqual(
      processed.map((row) => row.id),
      [recentEvent],
    );
  });

  it('lets a second relay drain the rows a first one has not claimed while that one is stuck publishing', async () => {
    const ids = await insertRows(
      Array.from({ length: 20 }, () => ({ subject: 'jobs.x', aggregateId: null })),
    );
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const stuck: string[] = [];
    const stuckRelay = new OutboxRelay(
      orm,
      async (_subject, _data, id) => {
        stuck.push(id);
        await gate; // holds its claimed batch (and the row locks) until released
      },
      logger,
      { batchSize: 5 },
    );
    const stuckPass = stuckRelay.kick();
    await eventually(async () => assert.equal(stuck.length, 1));
    const published: Array<{ subject: string; id: string }> = [];
    await new OutboxRelay(orm, recordingPublisher(published), logger, { batchSize: 5 }).kick();
    const claimedByStuck = new Set(ids.slice(0, 5));
    assert.deepEqual(
      published.map((p) => p.id),
      ids.filter((id) => !claimedByStuck.has(id)),
      'the other relay skipped the locked batch and published the rest in order',
    );
    release();
    await stuckPass;
  });
});
