import type { EntityManager } from '@mikro-orm/postgresql';
import type { SearchPosition } from './search-cursor.js';
import type { SearchLanguage } from './search-language.js';
import type { ParsedSearchQuery } from './search-query.js';

/** The `index` of the document that holds a meeting's title (segments count from 0). */
export const TITLE_INDEX = -1;

/**
 * One searchable passage as every engine stores it: a segment of a meeting's current run, or the
 * meeting's title, with what the filters and the visibility check need beside its text.
 */
export interface SearchDocument {
  meetingId: string;
  transcriptId: string;
  /** The segment's index, or TITLE_INDEX. */
  index: number;
  text: string;
  speaker: string | null;
  startMs: number;
  endMs: number;
  /** Primary language subtag (`en`), for the `language` filter. */
  language: string | null;
  /** How the text is stemmed. */
  stemming: SearchLanguage;
  occursAt: Date;
  /** Terms of everyone who may see the meeting (search-viewers.ts). */
  viewers: string[];
}

export interface SearchFilters {
  meetingId?: string;
  from?: Date;
  to?: Date;
  language?: string;
  speaker?: string;
}

export interface SearchRequest {
  query: ParsedSearchQuery;
  /** The searcher's terms: only documents sharing one are searched, counted and returned. */
  viewerTerms: string[];
  filters: SearchFilters;
}

export interface SearchPageRequest extends SearchRequest {
  after: SearchPosition | null;
  limit: number;
}

/** A hit as an engine returns it: which passage, its score, and its text marked for highlighting. */
export interface SearchHitRef extends SearchPosition {
  meetingId: string;
  /** The passage text as stored, and the ranges the engine matched in it. */
  text: string;
  ranges: Array<{ start: number; end: number }>;
}

/** Writes of one indexing step. PostgreSQL's commit with the step's transaction; Elasticsearch's are sent at once. */
export interface SearchIndexWriter {
  /** The meeting's documents become exactly these (any others of the meeting, older runs' too, go). */
  replaceMeeting(meetingId: string, documents: readonly SearchDocument[]): Promise<void>;
  /** Adds or overwrites these documents. */
  upsert(documents: readonly SearchDocument[]): Promise<void>;
  removeMeeting(meetingId: string): Promise<void>;
}

/** Transcript search, whichever engine answers it. */
export interface TranscriptSearchPort {
  readonly engine: 'postgres' | 'elasticsearch';
  /** Makes sure the index exists with its analysis settings. */
  prepare(): Promise<void>;
  /** Hits ordered by score descending, then run and index ascending, strictly after `after`. */
  search(request: SearchPageRequest): Promise<SearchHitRef[]>;
  /** How many documents the request matches, all pages together. */
  count(request: SearchRequest): Promise<number>;
  /** A writer bound to an indexing step's unit of work. */
  writer(em: EntityManager): SearchIndexWriter;
  /** Empties the whole index (a full reindex from scratch). */
  clear(): Promise<void>;
  close(): Promise<void>;
}
