export { serviceDatabaseUrl, databaseNameOf } from './database-url.js';
export { ensureDatabase, dropDatabase } from './ensure-database.js';
export { openDatabase, type DatabaseOptions } from './open-database.js';
export { MikroORM, EntityManager } from '@mikro-orm/postgresql';
export { Migration } from '@mikro-orm/migrations';
