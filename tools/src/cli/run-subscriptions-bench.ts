import { resolve } from 'node:path';
import { benchSubscriptions } from '../bench/subscriptions/subscriptions-bench.js';
import { ensurePostgres } from '../embedded-postgres.js';
import { ensureNats } from '../local-nats.js';

// The subscriptions benchmark alone: `npm run bench -- --subscriptions [counts…]`, e.g. `-- --subscriptions 5000`.
const root = resolve(import.meta.dirname, '../../../..');
const log = (line: string) => console.log(`bench | ${line}`);
const counts = process.argv
  .slice(2)
  .map(Number)
  .filter((count) => count > 0);
const postgres = await ensurePostgres(
  process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  resolve(root, '.data'),
  log,
);
const nats = await ensureNats(process.env.NATS_URL ?? 'nats://127.0.0.1:4222', resolve(root, '.data'), log);
try {
  const lines = await benchSubscriptions({
    root,
    postgresUrl: postgres.url,
    natsUrl: nats.url,
    log,
    counts: counts.length ? counts : undefined,
  });
  console.log('');
  for (const line of lines) console.log(line);
} finally {
  await nats.stop();
  await postgres.stop();
}
