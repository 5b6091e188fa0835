import { Migration } from '@mikro-orm/migrations';

/** A version per meeting (carried by its events) and the pipeline runs the meeting follows. */
export class Migration20261201000200MeetingVersion extends Migration {
  override up(): void {
    this.addSql('alter table "meeting" add column if not exists "version" integer not null default 1');
    this.addSql('alter table "meeting" add column if not exists "current_transcript_id" uuid null');
    this.addSql('alter table "meeting" add column if not exists "current_report_id" uuid null');
  }
}
