import { Migration } from '@mikro-orm/migrations';

/** Names and terms the meeting's speech engine should expect. */
export class Migration20261201000600MeetingVocabulary extends Migration {
  override up(): void {
    this.addSql(`alter table "meeting" add column if not exists "vocabulary" text[] not null default '{}'`);
  }
}
