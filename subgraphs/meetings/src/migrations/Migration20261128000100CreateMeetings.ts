import { Migration } from '@mymeet/database';

export class Migration20261128000100CreateMeetings extends Migration {
  override up(): void {
    this.addSql(`create table "meeting" (
      "id" uuid primary key,
      "owner_id" text not null,
      "title" text not null,
      "status" text not null check ("status" in ('SCHEDULED','AWAITING_MEDIA','PROCESSING','TRANSCRIBED','READY','FAILED')),
      "language" text null,
      "scheduled_at" timestamptz null,
      "join_url" text null,
      "platform" text not null check ("platform" in ('ZOOM','TEAMS','GOOGLE_MEET','UPLOAD','OTHER')),
      "failure_reason" text null,
      "occurs_at" timestamptz not null,
      "created_at" timestamptz not null,
      "updated_at" timestamptz not null)`);
    this.addSql(
      'create index "meeting_owner_id_occurs_at_id_index" on "meeting" ("owner_id", "occurs_at" desc, "id" desc)',
    );
    this.addSql('create index "meeting_occurs_at_id_index" on "meeting" ("occurs_at" desc, "id" desc)');
    this.addSql(`create table "participant" (
      "id" uuid primary key,
      "meeting_id" uuid not null references "meeting" ("id") on delete cascade,
      "email" text not null,
      "name" text null,
      constraint "participant_meeting_id_email_unique" unique ("meeting_id", "email"))`);
    this.addSql('create index "participant_email_index" on "participant" ("email")');
  }

  override down(): void {
    this.addSql('drop table if exists "participant"');
    this.addSql('drop table if exists "meeting"');
  }
}
