import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { MARK_END, MARK_START, mergeRanges, rangesOf } from './search-highlight.js';
import type {
  SearchDocument,
  SearchHitRef,
  SearchIndexWriter,
  SearchPageRequest,
  SearchRequest,
  TranscriptSearchPort,
} from './transcript-search.port.js';

// Both ts_headline passes mark the whole passage: passages are short, and the snippet is cut in TypeScript.
const HEADLINE_OPTIONS = `'HighlightAll=true, StartSel=' || chr(1) || ', StopSel=' || chr(2)`;
const WRITE_BATCH = 1_000;

interface HitRow {
  transcriptId: string;
  index: number;
  meetingId: string;
  score: number;
  stemmed: string;
  plain: string;
}

/**
 * PostgreSQL full-text search over `search_passage` (the embedded default). The query is the user's
 * words read by every configuration (english, russian, simple) and OR-ed, so each row matches under
 * the stemming of its own transcript's language; the GIN index over (document, viewers) answers the
 * words and the visibility in one scan, so counts and pages only ever contain visible passages.
 */
export class PostgresSearchAdapter implements TranscriptSearchPort {
  readonly engine = 'postgres' as const;

  constructor(private readonly orm: MikroORM) {}

  async prepare(): Promise<void> {
    // The migration made the table, its index and the query functions.
  }

  async search(request: SearchPageRequest): Promise<SearchHitRef[]> {
    const { where, params } = matchClause(request);
    let keyset = '';
    const keysetParams: unknown[] = [];
    if (request.after) {
      const { score, transcriptId, index } = request.after;
      keyset = `where m.score < ?::real or (m.score = ?::real and (m.transcript_id, m.segment_index) > (?::uuid, ?::int))`;
      keysetParams.push(score, score, transcriptId, index);
    }
    const rows = await this.orm.em.fork().execute<HitRow[]>(
      `with q as (select ${QUERY} as query, ${PLAIN_QUERY} as plain),
       page as (
         select m.* from (
           select p.transcript_id, p.segment_index, p.meeting_id, ts_rank(p.document, q.query, 1)::real as score
           from search_passage p, q where ${where}
         ) m ${keyset}
         order by m.score desc, m.transcript_id, m.segment_index
         limit ?)
       select page.transcript_id as "transcriptId", page.segment_index as "index", page.meeting_id as "meetingId",
         page.score, ts_headline(p.config, p.text, q.query, ${HEADLINE_OPTIONS}) as stemmed,
         ts_headline('simple', p.text, q.plain, ${HEADLINE_OPTIONS}) as plain
       from page join search_passage p using (transcript_id, segment_index), q
       order by page.score desc, page.transcript_id, page.segment_index`,
      [...queryParams(request), ...queryParams(request), ...params, ...keysetParams, request.limit],
    );
    return rows.map((row) => {
      const stemmed = rangesOf(row.stemmed, MARK_START, MARK_END);
      const plain = rangesOf(row.plain, MARK_START, MARK_END);
      // Both passes print the passage whole; should one ever differ, the stemmed marks alone stand.
      const ranges = plain.text === stemmed.text ? [...stemmed.ranges, ...plain.ranges] : stemmed.ranges;
      return {
        transcriptId: row.transcriptId,
        index: Number(row.index),
        meetingId: row.meetingId,
        score: Number(row.score),
        text: stemmed.text,
        ranges: mergeRanges(ranges),
      };
    });
  }

  async count(request: SearchRequest): Promise<number> {
    const { where, params } = matchClause(request);
    const rows = await this.orm.em
      .fork()
      .execute<Array<{ count: string }>>(
        `with q as (select ${QUERY} as query) select count(*) as count from search_passage p, q where ${where}`,
        [...queryParams(request), ...params],
      );
    return Number(rows[0]?.count ?? 0);
  }

  writer(em: EntityManager): SearchIndexWriter {
    return new PostgresSearchWriter(em);
  }

  async clear(): Promise<void> {
    await this.orm.em.fork().execute('truncate search_passage');
  }

  async close(): Promise<void> {
    // The service's ORM is closed by its owner.
  }
}

const QUERY = 'search_query(?, ?::jsonb, ?)';
const PLAIN_QUERY = `search_tsquery('simple', ?, ?::jsonb, ?)`;

function queryParams({ query }: SearchRequest): unknown[] {
  return [query.words.join(' '), JSON.stringify(query.phrases), query.prefix];
}

/** The rows a request may see and matches, as a WHERE clause over `search_passage p` and `q`. */
function matchClause(request: SearchRequest): { where: string; params: unknown[] } {
  const terms = request.viewerTerms;
  const conditions = [
    `p.document @@ q.query`,
    `p.viewers && array[${terms.map(() => '?').join(', ')}]::text[]`,
  ];
  const params: unknown[] = [...terms];
  const add = (condition: string, value: unknown) => {
    conditions.push(condition);
    params.push(value);
  };
  const { meetingId, from, to, language, speaker } = request.filters;
  if (meetingId !== undefined) add('p.meeting_id = ?::uuid', meetingId);
  if (from !== undefined) add('p.occurs_at >= ?', from);
  if (to !== undefined) add('p.occurs_at < ?', to);
  if (language !== undefined) add('p.language = ?', language);
  if (speaker !== undefined) add('lower(p.speaker) = lower(?)', speaker);
  return { where: conditions.join(' and '), params };
}

/** Writes in the indexing step's transaction: the index changes if and only if the step commits. */
class PostgresSearchWriter implements SearchIndexWriter {
  constructor(private readonly em: EntityManager) {}

  async replaceMeeting(meetingId: string, documents: readonly SearchDocument[]): Promise<void> {
    await this.removeMeeting(meetingId);
    await this.upsert(documents);
  }

  async upsert(documents: readonly SearchDocument[]): Promise<void> {
    for (let start = 0; start < documents.length; start += WRITE_BATCH) {
      const batch = documents.slice(start, start + WRITE_BATCH).map((d) => ({
        transcript_id: d.transcriptId,
        segment_index: d.index,
        meeting_id: d.meetingId,
        start_ms: d.startMs,
        end_ms: d.endMs,
        speaker: d.speaker,
        language: d.language,
        config: d.stemming,
        text: d.text,
        viewers: d.viewers,
        occurs_at: d.occursAt.toISOString(),
      }));
      // One statement per batch: the rows travel as one JSON parameter.
      await this.em.execute(
        `insert into search_passage (transcript_id, segment_index, meeting_id, start_ms, end_ms, speaker, language,
           config, text, document, viewers, occurs_at)
         select d.transcript_id, d.segment_index, d.meeting_id, d.start_ms, d.end_ms, d.speaker, d.language,
           d.config::regconfig, d.text,
           to_tsvector(d.config::regconfig, d.text) || strip(to_tsvector('simple', d.text)), d.viewers, d.occurs_at
         from jsonb_to_recordset(?::jsonb) as d(transcript_id uuid, segment_index int, meeting_id uuid, start_ms int,
           end_ms int, speaker text, language text, config text, text text, viewers text[], occurs_at timestamptz)
         on conflict (transcript_id, segment_index) do update set
           meeting_id = excluded.meeting_id, start_ms = excluded.start_ms, end_ms = excluded.end_ms,
           speaker = excluded.speaker, language = excluded.language, config = excluded.config, text = excluded.text,
           document = excluded.document, viewers = excluded.viewers, occurs_at = excluded.occurs_at`,
        [JSON.stringify(batch)],
      );
    }
  }

  async removeMeeting(meetingId: string): Promise<void> {
    await this.em.execute('delete from search_passage where meeting_id = ?', [meetingId]);
  }
}
