import { Migration } from '@mymeet/database';

export class Migration20261128000200CreateMedia extends Migration {
  override up(): void {
    this.addSql(`create table "media_asset" (
      "id" uuid primary key,
      "meeting_id" uuid not null,
      "owner_id" text not null,
      "file_name" text not null,
      "content_type" text not null,
      "byte_size" bigint not null check ("byte_size" >= 0),
      "status" text not null check ("status" in ('PENDING_UPLOAD','VALIDATING','READY','REJECTED')),
      "rejection_reason" text null,
      "rejection_code" text null,
      "duration_seconds" double precision null,
      "container" text null,
      "audio_codec" text null,
      "video_codec" text null,
      "sample_rate" integer null,
      "channels" integer null,
      "bit_rate" bigint null,
      "object_key" text not null unique,
      "upload_mode" text null check ("upload_mode" in ('SINGLE','MULTIPART')),
      "upload_id" text null,
      "part_size" integer null,
      "upload_expires_at" timestamptz null,
      "source" text not null check ("source" in ('UPLOAD','URL')),
      "source_url" text null,
      "transcript_id" uuid null unique,
      "validation_started_at" timestamptz null,
      "created_at" timestamptz not null,
      "updated_at" timestamptz not null)`);
    this.addSql(
      'create index "media_asset_meeting_id_created_at_index" on "media_asset" ("meeting_id", "created_at")',
    );
    this.addSql(
      `create index "media_asset_pending_expiry_index" on "media_asset" ("upload_expires_at") where "status" = 'PENDING_UPLOAD'`,
    );
    this.addSql(`create table "meeting_access" (
      "meeting_id" uuid primary key,
      "owner_id" text not null,
      "participant_emails" text[] not null default '{}',
      "language" text null,
      "deleted" boolean not null default false,
      "event_at" timestamptz not null,
      "updated_at" timestamptz not null)`);
  }

  override down(): void {
    this.addSql('drop table if exists "meeting_access"');
    this.addSql('drop table if exists "media_asset"');
  }
}
