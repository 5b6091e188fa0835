import type { AuthenticatedUser } from '@mymeet/auth';
import { parseLanguage } from '../domain/language.js';
import { TranscriptError } from '../domain/transcript-error.js';
import type { SegmentRecord } from '../repositories/segment.repository.js';
import type { MeetingAccessPort } from '../services/meeting-access.port.js';
import { isUuid } from '../services/transcript-read.service.js';
import { decodeSearchCursor, encodeSearchCursor, searchScope } from './search-cursor.js';
import { renderHighlight } from './search-highlight.js';
import { primaryLanguage } from './search-language.js';
import { parseSearchQuery, queryFingerprint } from './search-query.js';
import type { SearchSourceRepository } from './search-source.repository.js';
import { searcherTermsOf } from './search-viewers.js';
import {
  TITLE_INDEX,
  type SearchFilters,
  type SearchRequest,
  type TranscriptSearchPort,
} from './transcript-search.port.js';

export const SEARCH_PAGE = { default: 20, max: 100 } as const;
const MAX_SPEAKER_LENGTH = 200;

export interface SearchArguments {
  query: string;
  first?: number | null;
  after?: string | null;
  meetingId?: string | null;
  from?: Date | null;
  to?: Date | null;
  language?: string | null;
  speaker?: string | null;
}

export type MatchedIn = 'TEXT' | 'TITLE';

export interface SearchHit {
  cursor: string;
  meetingId: string;
  segment: SegmentRecord;
  highlight: string;
  score: number;
  matchedIn: MatchedIn;
}

export interface SearchResults {
  hits: SearchHit[];
  hasNextPage: boolean;
  endCursor: string | null;
  /** Matches over all pages, counted only when asked for. */
  count(): Promise<number>;
}

/** `searchTranscripts`: passages of the meetings the caller may see, best first, page by page. */
export class TranscriptSearchService {
  constructor(
    private readonly engine: TranscriptSearchPort,
    private readonly source: SearchSourceRepository,
    private readonly access: Pick<MeetingAccessPort, 'visibleMeetingIds'>,
  ) {}

  async search(user: AuthenticatedUser, args: SearchArguments): Promise<SearchResults> {
    const query = parseSearchQuery(args.query);
    const limit = pageSize(args.first);
    const filters = parseFilters(args);
    const scope = searchScope(JSON.stringify([queryFingerprint(query), filters]));
    const request: SearchRequest = { query, viewerTerms: searcherTermsOf(user), filters };
    const after = args.after ? decodeSearchCursor(scope, args.after) : null;
    const refs = limit === 0 ? [] : await this.engine.search({ ...request, after, limit: limit + 1 });
    const page = refs.slice(0, limit);
    // The index follows visibility through events; the page is checked against the access copy too,
    // so a passage the index has not caught up on yet is never shown.
    const [visible, segments] = await Promise.all([
      this.access.visibleMeetingIds(user, [...new Set(page.map((ref) => ref.meetingId))]),
      this.source.segmentsAt(page),
    ]);
    const hits: SearchHit[] = [];
    for (const ref of page) {
      const segment = segments.get(`${ref.transcriptId}:${ref.index}`);
      if (!segment || !visible.has(ref.meetingId)) continue;
      hits.push({
        cursor: encodeSearchCursor(scope, ref),
        meetingId: ref.meetingId,
        segment,
        highlight: renderHighlight(ref.text, ref.ranges),
        score: ref.score,
        matchedIn: ref.index === TITLE_INDEX ? 'TITLE' : 'TEXT',
      });
    }
    const last = page.at(-1);
    return {
      hits,
      hasNextPage: refs.length > limit,
      endCursor: last ? encodeSearchCursor(scope, last) : null,
      count: () => this.engine.count(request),
    };
  }
}

function pageSize(first: number | null | undefined): number {
  if (first === null || first === undefined) return SEARCH_PAGE.default;
  if (!Number.isInteger(first) || first < 0 || first > SEARCH_PAGE.max) {
    throw TranscriptError.invalidInput('first', `first must be between 0 and ${SEARCH_PAGE.max}`);
  }
  return first;
}

function parseFilters(args: SearchArguments): SearchFilters {
  const filters: SearchFilters = {};
  if (args.meetingId !== null && args.meetingId !== undefined) {
    if (!isUuid(args.meetingId))
      throw TranscriptError.invalidInput('meetingId', 'meetingId must be a meeting id');
    filters.meetingId = args.meetingId.toLowerCase();
  }
  if (args.from) filters.from = args.from;
  if (args.to) filters.to = args.to;
  if (filters.from && filters.to && filters.from >= filters.to) {
    throw TranscriptError.invalidInput('to', 'to must be later than from');
  }
  const language = primaryLanguage(parseLanguage(args.language));
  if (language) filters.language = language;
  if (args.speaker !== null && args.speaker !== undefined) {
    const speaker = args.speaker.trim();
    if (speaker === '' || speaker.length > MAX_SPEAKER_LENGTH) {
      throw TranscriptError.invalidInput('speaker', `speaker must be 1 to ${MAX_SPEAKER_LENGTH} characters`);
    }
    filters.speaker = speaker;
  }
  return filters;
}
