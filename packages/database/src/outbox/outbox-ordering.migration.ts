import { Migration } from '@mikro-orm/migrations';

/**
 * Outbox rows get a database sequence (publish order), the aggregate they belong to (order is kept
 * per aggregate across relays), retry bookkeeping, and a place to set poison rows aside.
 */
export class Migration20261201000000OutboxOrdering extends Migration {
  override up(): void {
    this.addSql('alter table "outbox_event" add column if not exists "seq" bigserial');
    this.addSql('alter table "outbox_event" add column if not exists "aggregate_id" text null');
    this.addSql('alter table "outbox_event" add column if not exists "next_attempt_at" timestamptz null');
    this.addSql('alter table "outbox_event" add column if not exists "last_error" text null');
    this.addSql('alter table "outbox_event" add column if not exists "failed_at" timestamptz null');
    this.addSql('drop index if exists "outbox_event_unpublished_idx"');
    this.addSql(
      'create index if not exists "outbox_event_pending_idx" on "outbox_event" ("seq") where "published_at" is null and "failed_at" is null',
    );
    this.addSql(
      'create index if not exists "outbox_event_pending_aggregate_idx" on "outbox_event" ("aggregate_id", "seq") where "published_at" is null and "failed_at" is null',
    );
    this.addSql(
      'create index if not exists "outbox_event_published_idx" on "outbox_event" ("published_at") where "published_at" is not null',
    );
    this.addSql(
      'create index if not exists "processed_event_processed_at_idx" on "processed_event" ("processed_at")',
    );
  }
}
