import { Migration } from '@mymeet/database';

export class Migration20261201000400CreateReports extends Migration {
  override up(): void {
    this.addSql(`create table "meeting_transcript" (
      "transcript_id" uuid primary key,
      "meeting_id" uuid not null,
      "ready_at" timestamptz not null,
      "segment_count" integer not null,
      "word_count" integer not null)`);
    this.addSql(
      'create index "meeting_transcript_meeting_id_ready_at_index" on "meeting_transcript" ("meeting_id", "ready_at")',
    );
    this.addSql(`create table "report" (
      "id" uuid primary key,
      "meeting_id" uuid not null,
      "transcript_id" uuid not null,
      "version" integer not null check ("version" > 0),
      "template" text not null check ("template" in ('SUMMARY','PROTOCOL','ACTION_ITEMS')),
      "instructions" text null,
      "trigger" text not null check ("trigger" in ('AUTO','REQUESTED')),
      "requested_by" text null,
      "status" text not null check ("status" in ('QUEUED','GENERATING','READY','FAILED')),
      "progress" double precision not null default 0,
      "model" text null,
      "language" text null,
      "summary" text null,
      "summary_segments" jsonb not null default '[]',
      "key_points" jsonb not null default '[]',
      "topics" jsonb not null default '[]',
      "attendees" jsonb not null default '[]',
      "agenda" jsonb not null default '[]',
      "markdown" text null,
      "failure_reason" text null,
      "created_at" timestamptz not null,
      "started_at" timestamptz null,
      "completed_at" timestamptz null,
      "updated_at" timestamptz not null,
      constraint "report_meeting_version_unique" unique ("meeting_id", "version"))`);
    this.addSql('create index "report_meeting_id_version_index" on "report" ("meeting_id", "version")');
    // One automatic report per transcript, however often transcript.ready is delivered.
    this.addSql(
      `create unique index "report_auto_per_transcript" on "report" ("transcript_id") where "trigger" = 'AUTO'`,
    );
    this.addSql(`create table "tracked_item" (
      "id" uuid primary key,
      "meeting_id" uuid not null,
      "kind" text not null check ("kind" in ('DECISION','ACTION_ITEM')),
      "status" text not null default 'OPEN' check ("status" in ('OPEN','DONE')),
      "signature" jsonb not null,
      "segments" jsonb not null,
      "transcript_id" uuid not null,
      "status_changed_by" text null,
      "status_changed_at" timestamptz null,
      "created_at" timestamptz not null)`);
    this.addSql('create index "tracked_item_meeting_id_kind_index" on "tracked_item" ("meeting_id", "kind")');
    this.addSql(`create table "report_item" (
      "id" uuid primary key,
      "report_id" uuid not null references "report" ("id") on delete cascade,
      "kind" text not null check ("kind" in ('DECISION','ACTION_ITEM')),
      "position" integer not null,
      "item_id" uuid not null references "tracked_item" ("id") on delete cascade,
      "text" text not null,
      "owner" text null,
      "due_date" text null,
      "due_date_text" text null,
      "segments" jsonb not null,
      constraint "report_item_position_unique" unique ("report_id", "kind", "position"))`);
    this.addSql('create index "report_item_item_id_index" on "report_item" ("item_id")');
    this.addSql(`create table "report_delivery" (
      "id" uuid primary key,
      "report_id" uuid not null references "report" ("id") on delete cascade,
      "meeting_id" uuid not null,
      "requested_by" text not null,
      "recipients" text[] not null,
      "status" text not null check ("status" in ('PENDING','SENT','FAILED')),
      "attempts" integer not null default 0,
      "accepted" text[] not null default '{}',
      "rejected" text[] not null default '{}',
      "message_id" text null,
      "error" text null,
      "created_at" timestamptz not null,
      "sent_at" timestamptz null,
      "updated_at" timestamptz not null)`);
    this.addSql(
      'create index "report_delivery_report_id_created_at_index" on "report_delivery" ("report_id", "created_at")',
    );
  }

  override down(): void {
    for (const table of ['report_delivery', 'report_item', 'tracked_item', 'report', 'meeting_transcript']) {
      this.addSql(`drop table if exists "${table}"`);
    }
  }
}
