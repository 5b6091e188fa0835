import { MikroORM, type Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { ReflectMetadataProvider } from '@mikro-orm/decorators/legacy';
import type { Migration } from '@mikro-orm/migrations';
import type { Constructor } from '@mikro-orm/core';
import { ensureDatabase } from './ensure-database.js';

export interface DatabaseOptions {
  url: string;
  entities: Options['entities'];
  /** Committed migrations, in order; they run at start. */
  migrations: Constructor<Migration>[];
  poolMax?: number;
  debug?: boolean;
}

/** Creates the database if needed, connects, and applies pending migrations. */
export async function openDatabase(options: DatabaseOptions): Promise<MikroORM> {
  await ensureDatabase(options.url);
  const orm = await MikroORM.init({
    clientUrl: options.url,
    entities: options.entities,
    metadataProvider: ReflectMetadataProvider,
    extensions: [Migrator],
    pool: { min: 0, max: options.poolMax ?? 10 },
    debug: options.debug ?? false,
    allowGlobalContext: false,
    migrations: {
      migrationsList: options.migrations.map((migration) => ({ name: migration.name, class: migration })),
      snapshot: false,
      transactional: true,
    },
  });
  await orm.migrator.up();
  return orm;
}
