import pg from 'pg';
import { databaseNameOf } from './database-url.js';

/** Runs `work` on a connection to the server's `postgres` database, where databases are created and dropped. */
async function withServerConnection<T>(
  databaseUrl: string,
  work: (client: pg.Client) => Promise<T>,
): Promise<T> {
  const admin = new URL(databaseUrl);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Creates the service's database when it does not exist yet (a fresh machine, a new test file). */
export async function ensureDatabase(databaseUrl: string): Promise<void> {
  const name = databaseNameOf(databaseUrl);
  await withServerConnection(databaseUrl, async (client) => {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount) return;
    await client.query(`CREATE DATABASE "${name}"`).catch((error: { code?: string }) => {
      // Another instance created it between our check and our CREATE.
      if (error.code !== '42P04' && error.code !== '23505') throw error;
    });
  });
}

/** Drops a database, ending its connections first; used by tests and benchmarks. */
export async function dropDatabase(databaseUrl: string): Promise<void> {
  const name = databaseNameOf(databaseUrl);
  await withServerConnection(databaseUrl, (client) =>
    client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  );
}
