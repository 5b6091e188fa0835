import { Migration } from '@mikro-orm/migrations';

/** The outbox and processed-event tables every service shares the shape of. Include it first in a service's migrations. */
export class Migration20261128000000MessagingTables extends Migration {
  override up(): void {
    this.addSql(`create table if not exists "outbox_event" (
      "id" uuid primary key,
      "subject" text not null,
      "envelope" jsonb not null,
      "created_at" timestamptz not null default now(),
      "published_at" timestamptz null,
      "attempts" integer not null default 0)`);
    this.addSql(
      `create index if not exists "outbox_event_unpublished_idx" on "outbox_event" ("created_at") where "published_at" is null`,
    );
    this.addSql(`create table if not exists "processed_event" (
      "id" uuid primary key,
      "kind" text not null,
      "processed_at" timestamptz not null default now())`);
  }

  override down(): void {
    this.addSql('drop table if exists "outbox_event"');
    this.addSql('drop table if exists "processed_event"');
  }
}
