import { withoutSentinels } from './search-highlight.js';
import { primaryLanguage, searchLanguageOf } from './search-language.js';
import type {
  IndexedMeeting,
  MeetingVisibility,
  SourceRun,
  SourceSegment,
} from './search-source.repository.js';
import { viewerTermsOf } from './search-viewers.js';
import { TITLE_INDEX, type SearchDocument } from './transcript-search.port.js';

/** What a meeting's passages share in the index: who may see them, when the meeting was, how to stem. */
export interface MeetingContext {
  meetingId: string;
  transcriptId: string;
  viewers: string[];
  occursAt: Date;
  language: string | null;
  stemming: SearchDocument['stemming'];
}

export function meetingContext(
  meeting: IndexedMeeting,
  visibility: MeetingVisibility,
  run: SourceRun,
): MeetingContext {
  return {
    meetingId: meeting.meetingId,
    transcriptId: run.id,
    viewers: viewerTermsOf(visibility),
    occursAt: meeting.occursAt ?? run.firstRunAt,
    language: primaryLanguage(run.language),
    stemming: searchLanguageOf(run.language),
  };
}

export function segmentDocument(context: MeetingContext, segment: SourceSegment): SearchDocument {
  return {
    meetingId: context.meetingId,
    transcriptId: context.transcriptId,
    index: segment.index,
    text: withoutSentinels(segment.text),
    speaker: segment.speaker,
    startMs: segment.startMs,
    endMs: segment.endMs,
    language: context.language,
    stemming: context.stemming,
    occursAt: context.occursAt,
    viewers: context.viewers,
  };
}

/**
 * Every document of the meeting's current run: one per segment, and one for the title (a hit on it
 * points at the first segment, so it needs one).
 */
export function meetingDocuments(
  context: MeetingContext,
  title: string,
  segments: readonly SourceSegment[],
): SearchDocument[] {
  const documents = segments.map((segment) => segmentDocument(context, segment));
  const first = segments[0];
  if (first && title.trim() !== '') {
    documents.push({
      ...segmentDocument(context, first),
      index: TITLE_INDEX,
      text: withoutSentinels(title),
      speaker: null,
    });
  }
  return documents;
}
