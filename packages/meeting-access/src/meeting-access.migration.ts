import { Migration } from '@mikro-orm/migrations';

/** The meeting_access table, versioned; adds the version to tables made before it existed. */
export class Migration20261201000100MeetingAccess extends Migration {
  override up(): void {
    this.addSql(`create table if not exists "meeting_access" (
      "meeting_id" uuid primary key,
      "owner_id" text not null,
      "participant_emails" text[] not null default '{}',
      "language" text null,
      "deleted" boolean not null default false,
      "version" integer not null default 0,
      "updated_at" timestamptz not null default now())`);
    this.addSql('alter table "meeting_access" add column if not exists "version" integer not null default 0');
    this.addSql('alter table "meeting_access" drop column if exists "event_at"');
  }
}
