import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { consumeOnce, openDatabase, type MikroORM } from '@mymeet/database';
import { dropDatabase, testDatabaseUrl } from '@mymeet/testing';

describe('consumeOnce against PostgreSQL', function () {
  this.timeout(30_000);
  const url = testDatabaseUrl('consume_once');
  let orm: MikroORM;

  before(async () => {
    orm = await openDatabase({ url, entities: [], migrations: [] });
    await orm.em.fork().execute('create table effect (key text primary key, n integer not null default 1)');
  });

  after(async () => {
    await orm.close();
    await dropDatabase(url);
  });

  const effects = async (key: string) =>
    (await orm.em.fork().execute<Array<{ n: number }>>('select n from effect where key = ?', [key]))[0]?.n;

  it('applies an effect once when the same event arrives twice, also concurrently', async () => {
    const event = { id: randomUUID(), kind: 'test.happened' };
    const key = randomUUID();
    const apply = () =>
      consumeOnce(orm.em.fork(), event, async (tx) => {
        await tx.execute(
          'insert into effect (key) values (?) on conflict (key) do update set n = effect.n + 1',
          [key],
        );
      });
    const outcomes = await Promise.all([apply(), apply(), apply()]);
    assert.equal(outcomes.filter(Boolean).length, 1);
    assert.equal(await apply(), false);
    assert.equal(await effects(key), 1);
  });

  it('throws, rather than reporting "already applied", when the effect itself violates a unique key', async () => {
    const key = randomUUID();
    await orm.em.fork().execute('insert into effect (key) values (?)', [key]);
    const event = { id: randomUUID(), kind: 'test.happened' };
    await assert.rejects(
      consumeOnce(orm.em.fork(), event, async (tx) => {
        await tx.execute('insert into effect (key) values (?)', [key]);
      }),
      /duplicate key|unique/i,
    );
    // Nothing recorded: the redelivery will apply it again.
    const processed = await orm.em.fork().execute('select 1 from processed_event where id = ?', [event.id]);
    assert.equal(processed.length, 0);
  });
});
