import { Migration } from '@mymeet/database';

export class Migration20261128000300CreateTranscripts extends Migration {
  override up(): void {
    this.addSql(`create table "transcript" (
      "id" uuid primary key,
      "meeting_id" uuid not null,
      "media_id" uuid not null,
      "object_key" text not null,
      "requested_language" text null,
      "language" text null,
      "status" text not null check ("status" in ('QUEUED','PROCESSING','COMPLETED','FAILED')),
      "stage" text not null check ("stage" in ('QUEUED','DECODING','TRANSCRIBING','INDEXING','COMPLETED','FAILED')),
      "percent" double precision not null default 0 check ("percent" between 0 and 100),
      "engine" text null,
      "duration_seconds" double precision null,
      "reported_segment_count" integer null check ("reported_segment_count" >= 0),
      "reported_at" timestamptz null,
      "reported_attempt" integer not null default 0,
      "segment_count" integer not null default 0,
      "word_count" integer not null default 0,
      "failure_reason" text null,
      "requested_by" text null,
      "created_at" timestamptz not null,
      "updated_at" timestamptz not null,
      "completed_at" timestamptz null)`);
    this.addSql(
      'create index "transcript_meeting_id_created_at_index" on "transcript" ("meeting_id", "created_at")',
    );
    // The sweeper's work list: runs reported complete that still wait for segments.
    this.addSql(
      `create index "transcript_awaiting_segments_index" on "transcript" ("reported_at") where "status" = 'PROCESSING' and "reported_segment_count" is not null`,
    );
    this.addSql(`create table "transcript_segment" (
      "transcript_id" uuid not null references "transcript" ("id") on delete cascade,
      "index" integer not null check ("index" >= 0),
      "start_ms" integer not null check ("start_ms" >= 0),
      "end_ms" integer not null,
      "speaker" text null,
      "raw_text" text not null,
      "text" text not null,
      "edited" boolean not null default false,
      "confidence" double precision null,
      "edited_at" timestamptz null,
      "edited_by" text null,
      "attempt" integer not null default 0,
      "occurred_at" timestamptz not null,
      primary key ("transcript_id", "index"),
      check ("end_ms" >= "start_ms"))`);
  }

  override down(): void {
    this.addSql('drop table if exists "transcript_segment"');
    this.addSql('drop table if exists "transcript"');
  }
}
