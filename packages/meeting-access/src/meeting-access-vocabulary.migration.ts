import { Migration } from '@mikro-orm/migrations';

/** The meeting's vocabulary (names and terms for the speech engine) travels with its access copy. */
export class Migration20261201000500MeetingAccessVocabulary extends Migration {
  override up(): void {
    this.addSql(
      `alter table "meeting_access" add column if not exists "vocabulary" text[] not null default '{}'`,
    );
  }
}
