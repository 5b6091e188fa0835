import { randomBytes } from 'node:crypto';
import { dropDatabase, serviceDatabaseUrl } from '@mymeet/database';

/** A fresh database name on the test server (`DATABASE_URL`), one per test file; drop it in `after`. */
export function testDatabaseUrl(label: string): string {
  const server = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  return serviceDatabaseUrl(server, `mymeet_test_${label}_${randomBytes(4).toString('hex')}`);
}

export { dropDatabase };
