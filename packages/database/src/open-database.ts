import { MikroORM, type Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { ReflectMetadataProvider } from '@mikro-orm/decorators/legacy';
import type { Migration } from '@mikro-orm/migrations';
import type { Constructor } from '@mikro-orm/core';
import { ensureDatabase } from './ensure-database.js';
import { ProcessedEvent } from './idempotency/processed-event.entity.js';
import { Migration20261128000000MessagingTables } from './outbox/messaging-tables.migration.js';
import { Migration20261201000000OutboxOrdering } from './outbox/outbox-ordering.migration.js';
import { OutboxEvent } from './outbox/outbox-event.entity.js';

export interface DatabaseOptions {
  url: string;
  entities: NonNullable<Options['entities']>;
  /** Committed migrations, in order; they run at start. */
  migrations: Constructor<Migration>[];
  poolMax?: number;
  debug?: boolean;
}

/**
 * Creates the database if needed, connects, and applies pending migrations. The outbox and
 * processed-event tables every service uses are added to the service's own entities and migrations.
 */
export async function openDatabase(options: DatabaseOptions): Promise<MikroORM> {
  await ensureDatabase(options.url);
  const orm = await MikroORM.init({
    clientUrl: options.url,
    entities: [...options.entities, OutboxEvent, ProcessedEvent],
    metadataProvider: ReflectMetadataProvider,
    extensions: [Migrator],
    pool: { min: 0, max: options.poolMax ?? 10 },
    debug: options.debug ?? false,
    allowGlobalContext: false,
    migrations: {
      migrationsList: [
        Migration20261128000000MessagingTables,
        Migration20261201000000OutboxOrdering,
        ...options.migrations,
      ].map((migration) => ({
        name: migration.name,
        class: migration,
      })),
      snapshot: false,
      silent: true,
      transactional: true,
    },
  });
  await orm.migrator.up();
  return orm;
}
