import type { EventPayload } from '@mymeet/contracts';

/** What the worker announces about a transcript; the transcripts service owns the data. */
export interface TranscriptEventsPort {
  progress(meetingId: string, payload: EventPayload<'transcript.progress'>): Promise<void>;
  segment(meetingId: string, payload: EventPayload<'transcript.segment'>): Promise<void>;
  completed(meetingId: string, payload: EventPayload<'transcript.completed'>): Promise<void>;
  failed(meetingId: string, payload: EventPayload<'transcript.failed'>): Promise<void>;
  /** The highest percent already announced for this transcript (by an earlier attempt), or 0. */
  progressFloor(meetingId: string, transcriptId: string): Promise<number>;
}
