import { Migration } from '@mymeet/database';

/**
 * Transcript search. `search_meeting` is the indexer's own record per meeting (what of the meeting
 * the index reflects, and the row that serialises its indexing); `search_passage` is the PostgreSQL
 * engine's index: one row per segment of each meeting's current run plus one for its title, with
 * the words stemmed by the run's language and, unstemmed, for prefixes, and the terms of everyone
 * who may see the meeting.
 */
export class Migration20261202000100SearchIndex extends Migration {
  override up(): void {
    this.addSql(`create table if not exists "search_meeting" (
      "meeting_id" uuid primary key,
      "version" integer not null default 0,
      "title" text not null default '',
      "occurs_at" timestamptz null,
      "indexed_transcript_id" uuid null,
      "updated_at" timestamptz not null default now())`);
    this.addSql(`create table if not exists "search_passage" (
      "transcript_id" uuid not null references "transcript" ("id") on delete cascade,
      "segment_index" integer not null check ("segment_index" >= -1),
      "meeting_id" uuid not null,
      "start_ms" integer not null,
      "end_ms" integer not null,
      "speaker" text null,
      "language" text null,
      "config" regconfig not null,
      "text" text not null,
      "document" tsvector not null,
      "viewers" text[] not null,
      "occurs_at" timestamptz not null,
      primary key ("transcript_id", "segment_index"))`);
    // One index answers the words and the visibility together: GIN intersects both posting lists.
    this.addSql(
      'create index if not exists "search_passage_document_viewers_index" on "search_passage" using gin ("document", "viewers")',
    );
    this.addSql(
      'create index if not exists "search_passage_meeting_index" on "search_passage" ("meeting_id")',
    );
    // Every configuration's reading of the same words, OR-ed: a row matches under its own language.
    this
      .addSql(`create or replace function search_tsquery(config regconfig, words text, phrases jsonb, prefix text)
      returns tsquery language plpgsql immutable parallel safe
      -- Stop words alone ("the") make PostgreSQL print a notice per call.
      set client_min_messages = warning as $$
      declare
        result tsquery := '';
        phrase text;
        stemmed tsquery;
      begin
        if words is not null and words <> '' then result := plainto_tsquery(config, words); end if;
        for phrase in select jsonb_array_elements_text(coalesce(phrases, '[]')) loop
          result := result && phraseto_tsquery(config, phrase);
        end loop;
        if prefix is not null and prefix <> '' then
          -- The typed start of a word, unstemmed (the index keeps every word as written too) and stemmed.
          stemmed := to_tsquery(config, quote_literal(prefix) || ':*');
          if stemmed = to_tsquery('simple', quote_literal(prefix) || ':*') then
            result := result && stemmed;
          else
            result := result && (to_tsquery('simple', quote_literal(prefix) || ':*') || stemmed);
          end if;
        end if;
        return result;
      end $$`);
    this.addSql(`create or replace function search_query(words text, phrases jsonb, prefix text)
      returns tsquery language plpgsql immutable parallel safe as $$
      declare
        english tsquery := search_tsquery('english', words, phrases, prefix);
        russian tsquery := search_tsquery('russian', words, phrases, prefix);
        plain tsquery := search_tsquery('simple', words, phrases, prefix);
        result tsquery := english;
      begin
        if russian <> english then result := result || russian; end if;
        if plain <> english and plain <> russian then result := result || plain; end if;
        return result;
      end $$`);
  }

  override down(): void {
    this.addSql('drop function if exists search_query(text, jsonb, text)');
    this.addSql('drop function if exists search_tsquery(regconfig, text, jsonb, text)');
    this.addSql('drop table if exists "search_passage"');
    this.addSql('drop table if exists "search_meeting"');
  }
}
