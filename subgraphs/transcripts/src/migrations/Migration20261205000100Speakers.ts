import { Migration } from '@mymeet/database';

/**
 * Speakers. A segment keeps the diarizer's label (`speaker_label`) beside `speaker`, which is what
 * everything reads (exports, search, reports): the name once the owner gave one, else the label.
 * `transcript_speaker` holds each run's speakers: the name, the linked e-mail and the voiceprint a
 * later run of the meeting is matched against.
 */
export class Migration20261205000100Speakers extends Migration {
  override up(): void {
    this.addSql(`alter table "transcript_segment" add column if not exists "speaker_label" text null`);
    this.addSql(`update "transcript_segment" set "speaker_label" = "speaker" where "speaker_label" is null`);
    this.addSql(`create table if not exists "transcript_speaker" (
      "transcript_id" uuid not null references "transcript" ("id") on delete cascade,
      "label" text not null,
      "name" text null,
      "email" text null,
      "voiceprint" jsonb null,
      "named_at" timestamptz null,
      "named_by" text null,
      primary key ("transcript_id", "label"))`);
  }

  override down(): void {
    this.addSql(`drop table if exists "transcript_speaker"`);
    this.addSql(`alter table "transcript_segment" drop column if exists "speaker_label"`);
  }
}
