import type { Client, estypes } from '@elastic/elasticsearch';
import { MARK_END, MARK_START, mergeRanges, rangesOf } from './search-highlight.js';
import { TEXT_FIELDS, indexTemplate } from './elasticsearch-index-template.js';
import type {
  SearchDocument,
  SearchHitRef,
  SearchIndexWriter,
  SearchPageRequest,
  SearchRequest,
  TranscriptSearchPort,
} from './transcript-search.port.js';

const BULK_BATCH = 1_000;

interface StoredPassage {
  meeting_id: string;
  transcript_id: string;
  segment_index: number;
  text: string;
  text_en?: string;
  text_ru?: string;
  speaker: string | null;
  language: string | null;
  start_ms: number;
  end_ms: number;
  occurs_at: string;
  viewers: string[];
}

export interface ElasticsearchSearchOptions {
  index: string;
  /** `wait_for`: writes return once searchable (tests, reindex checks); default: the index's refresh interval. */
  refresh?: false | 'wait_for';
}

/**
 * Elasticsearch behind the search port: the same documents, the same visibility filter (a `terms`
 * filter on the viewers, inside the query, so counts and pages hold only visible passages) and the
 * same order (score, then run and index) continued with `search_after`.
 */
export class ElasticsearchSearchAdapter implements TranscriptSearchPort {
  readonly engine = 'elasticsearch' as const;

  constructor(
    private readonly client: Client,
    private readonly options: ElasticsearchSearchOptions,
  ) {}

  async prepare(): Promise<void> {
    await this.client.indices.putIndexTemplate(indexTemplate(this.options.index));
    if (await this.client.indices.exists({ index: this.options.index })) return;
    try {
      await this.client.indices.create({ index: this.options.index });
    } catch (error) {
      // Another instance made it first.
      if (errorType(error) !== 'resource_already_exists_exception') throw error;
    }
  }

  async search(request: SearchPageRequest): Promise<SearchHitRef[]> {
    const response = await this.client.search<StoredPassage>(searchBody(this.options.index, request));
    return response.hits.hits.map((hit) => {
      const source = hit._source!;
      const marked = Object.values(hit.highlight ?? {}).flatMap((fragments) =>
        fragments.map((fragment) => rangesOf(fragment, MARK_START, MARK_END)),
      );
      // Every highlighted field holds the same text; their marks (stemmed, as written) add up.
      const ranges = marked.filter((m) => m.text === source.text).flatMap((m) => m.ranges);
      return {
        meetingId: source.meeting_id,
        transcriptId: source.transcript_id,
        index: source.segment_index,
        score: hit._score ?? 0,
        text: source.text,
        ranges: mergeRanges(ranges),
      };
    });
  }

  async count(request: SearchRequest): Promise<number> {
    const response = await this.client.count({ index: this.options.index, query: queryOf(request) });
    return response.count;
  }

  writer(): SearchIndexWriter {
    return {
      replaceMeeting: async (meetingId, documents) => {
        await this.bulkIndex(documents);
        // Whatever else the meeting had (an older run, a title since removed) goes.
        await this.deleteWhere({
          bool: {
            filter: [{ term: { meeting_id: meetingId } }],
            must_not: [{ ids: { values: documents.map(documentId) } }],
          },
        });
      },
      upsert: (documents) => this.bulkIndex(documents),
      removeMeeting: (meetingId) => this.deleteWhere({ term: { meeting_id: meetingId } }),
    };
  }

  async clear(): Promise<void> {
    await this.client.indices.delete({ index: this.options.index, ignore_unavailable: true });
    await this.prepare();
  }

  async close(): Promise<void> {
    await this.client.close();
  }

  private async bulkIndex(documents: readonly SearchDocument[]): Promise<void> {
    for (let start = 0; start < documents.length; start += BULK_BATCH) {
      const operations: estypes.BulkRequest<StoredPassage>['operations'] = documents
        .slice(start, start + BULK_BATCH)
        .flatMap((document) => [
          { index: { _index: this.options.index, _id: documentId(document) } },
          storedPassage(document),
        ]);
      const response = await this.client.bulk({ operations, refresh: this.options.refresh ?? false });
      if (response.errors) {
        const failed = response.items.map((item) => Object.values(item)[0]).find((result) => result?.error);
        throw new Error(
          `Elasticsearch refused a passage: ${failed?.error?.type ?? 'unknown'}: ${failed?.error?.reason ?? ''}`,
        );
      }
    }
  }

  private async deleteWhere(query: estypes.QueryDslQueryContainer): Promise<void> {
    await this.client.deleteByQuery({
      index: this.options.index,
      query,
      conflicts: 'proceed',
      refresh: this.options.refresh === 'wait_for',
    });
  }
}

export function documentId(document: Pick<SearchDocument, 'transcriptId' | 'index'>): string {
  return `${document.transcriptId}:${document.index}`;
}

function storedPassage(document: SearchDocument): StoredPassage {
  return {
    meeting_id: document.meetingId,
    transcript_id: document.transcriptId,
    segment_index: document.index,
    text: document.text,
    ...(document.stemming === 'english' ? { text_en: document.text } : {}),
    ...(document.stemming === 'russian' ? { text_ru: document.text } : {}),
    speaker: document.speaker,
    language: document.language,
    start_ms: document.startMs,
    end_ms: document.endMs,
    occurs_at: document.occursAt.toISOString(),
    viewers: document.viewers,
  };
}

/** The search request: visible, filtered, matching, best first, after the cursor, with whole-text highlights. */
export function searchBody(index: string, request: SearchPageRequest): estypes.SearchRequest {
  return {
    index,
    size: request.limit,
    query: queryOf(request),
    sort: [
      { _score: { order: 'desc' } },
      { transcript_id: { order: 'asc' } },
      { segment_index: { order: 'asc' } },
    ],
    ...(request.after
      ? { search_after: [request.after.score, request.after.transcriptId, request.after.index] }
      : {}),
    track_total_hits: false,
    _source: ['meeting_id', 'transcript_id', 'segment_index', 'text'],
    highlight: {
      pre_tags: [MARK_START],
      post_tags: [MARK_END],
      number_of_fragments: 0,
      require_field_match: true,
      fields: Object.fromEntries(TEXT_FIELDS.map((field) => [field, {}])),
    },
  };
}

export function queryOf(request: SearchRequest): estypes.QueryDslQueryContainer {
  const { query, filters } = request;
  const filter: estypes.QueryDslQueryContainer[] = [{ terms: { viewers: request.viewerTerms } }];
  if (filters.meetingId) filter.push({ term: { meeting_id: filters.meetingId } });
  if (filters.from || filters.to) {
    filter.push({
      range: {
        occurs_at: {
          ...(filters.from ? { gte: filters.from.toISOString() } : {}),
          ...(filters.to ? { lt: filters.to.toISOString() } : {}),
        },
      },
    });
  }
  if (filters.language) filter.push({ term: { language: filters.language } });
  if (filters.speaker) filter.push({ term: { speaker: filters.speaker } });
  const fields = [...TEXT_FIELDS];
  const must: estypes.QueryDslQueryContainer[] = [
    // Each word on its own, so one may match stemmed and another as written.
    ...query.words.map((word) => ({ multi_match: { query: word, fields, type: 'best_fields' as const } })),
    ...query.phrases.map((phrase) => ({ multi_match: { query: phrase, fields, type: 'phrase' as const } })),
    ...(query.prefix ? [{ multi_match: { query: query.prefix, fields, type: 'bool_prefix' as const } }] : []),
  ];
  return { bool: { filter, must } };
}

function errorType(error: unknown): string | undefined {
  const body = (error as { meta?: { body?: { error?: { type?: string } } } }).meta?.body;
  return body?.error?.type;
}
