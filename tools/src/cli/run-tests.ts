import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { ensurePostgres } from '../embedded-postgres.js';
import { ensureNats } from '../local-nats.js';
import { startPerRunNats } from '../per-run-nats.js';

// `npm test`: the real PostgreSQL (embedded when none runs) and a NATS of this run's own, then mocha.
// TEST_NATS_URL names a NATS to share instead (its streams and consumers are then shared too).
const root = resolve(import.meta.dirname, '../../../..');
const dataDir = resolve(root, '.data');
const log = (line: string) => console.log(`test setup | ${line}`);

const postgres = await ensurePostgres(
  process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  dataDir,
  log,
);
const nats = process.env.TEST_NATS_URL
  ? await ensureNats(process.env.TEST_NATS_URL, dataDir, log)
  : ((await startPerRunNats(log)) ??
    (await ensureNats(process.env.NATS_URL ?? 'nats://127.0.0.1:4222', dataDir, log)));
const mocha = createRequire(import.meta.url).resolve('mocha/bin/mocha.js');
const child = spawn(process.execPath, [mocha, ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, NODE_ENV: 'test', DATABASE_URL: postgres.url, NATS_URL: nats.url },
});
const code = await new Promise<number>((done) => child.on('exit', (exitCode) => done(exitCode ?? 1)));
await nats.stop();
await postgres.stop();
process.exit(code);
