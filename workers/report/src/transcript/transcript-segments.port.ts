import type { Segment } from '../domain/report-request.js';

/** Where the worker reads a transcript from: the transcripts service, one page at a time. */
export interface TranscriptSegmentsPort {
  /** Every segment of the run in index order; `onPage` reports how many were read so far. */
  readAll(
    transcriptId: string,
    signal: AbortSignal,
    onPage?: (read: number) => Promise<void> | void,
  ): Promise<Segment[]>;
}
