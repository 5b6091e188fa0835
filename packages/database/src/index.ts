export { serviceDatabaseUrl, databaseNameOf } from './database-url.js';
export { ensureDatabase, dropDatabase } from './ensure-database.js';
export { openDatabase, type DatabaseOptions } from './open-database.js';
export { OutboxEvent } from './outbox/outbox-event.entity.js';
export { stageEvent, stageJob, stageMessage } from './outbox/outbox.js';
export {
  OutboxRelay,
  type RawPublish,
  type OutboxRelayOptions,
  type OutboxRelayStats,
} from './outbox/outbox-relay.js';
export { Migration20261128000000MessagingTables } from './outbox/messaging-tables.migration.js';
export { ProcessedEvent } from './idempotency/processed-event.entity.js';
export { consumeOnce } from './idempotency/consume-once.js';
export { MikroORM, EntityManager } from '@mikro-orm/postgresql';
export { Migration } from '@mikro-orm/migrations';
