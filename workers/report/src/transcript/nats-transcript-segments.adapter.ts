import { type NatsConnection, ErrorCode as NatsErrorCode, NatsError } from 'nats';
import {
  TRANSCRIPT_SEGMENTS_SUBJECT,
  transcriptSegmentsReplySchema,
  type TranscriptSegmentsRequest,
} from '@mymeet/contracts';
import { ReportError } from '../domain/report-error.js';
import type { Segment } from '../domain/report-request.js';
import type { TranscriptSegmentsPort } from './transcript-segments.port.js';

/** A 10-hour meeting cut by voice activity is a few thousand segments; far more means something is wrong. */
const MAX_SEGMENTS = 50_000;

/**
 * Reads segments through the transcripts service's internal request-reply subject, page by page
 * (each reply bounded in count and bytes), so no message carries the whole transcript.
 */
export class NatsTranscriptSegments implements TranscriptSegmentsPort {
  constructor(
    private readonly nc: NatsConnection,
    private readonly options: { timeoutMs: number; pageSize: number } = { timeoutMs: 10_000, pageSize: 500 },
  ) {}

  async readAll(
    transcriptId: string,
    signal: AbortSignal,
    onPage?: (read: number) => Promise<void> | void,
  ): Promise<Segment[]> {
    const segments: Segment[] = [];
    let after: number | null = null;
    do {
      signal.throwIfAborted();
      const request: TranscriptSegmentsRequest = { transcriptId, after, limit: this.options.pageSize };
      const reply = transcriptSegmentsReplySchema.parse((await this.ask(request)).json());
      if (!reply.ok) {
        if (reply.code === 'TRANSCRIPT_NOT_FOUND')
          throw new ReportError(
            'TRANSCRIPT_NOT_FOUND',
            'The transcript this report was asked for no longer exists.',
          );
        throw new ReportError(
          'TRANSCRIPTS_UNAVAILABLE',
          `The transcripts service could not answer: ${reply.message}`,
        );
      }
      segments.push(...reply.segments);
      if (segments.length > MAX_SEGMENTS)
        throw new ReportError(
          'TRANSCRIPT_TOO_LONG',
          `The transcript has more than ${MAX_SEGMENTS} segments.`,
        );
      await onPage?.(segments.length);
      after = reply.next;
    } while (after !== null);
    return segments;
  }

  private async ask(request: TranscriptSegmentsRequest) {
    try {
      return await this.nc.request(TRANSCRIPT_SEGMENTS_SUBJECT, JSON.stringify(request), {
        timeout: this.options.timeoutMs,
      });
    } catch (error) {
      const noAnswer =
        error instanceof NatsError &&
        (error.code === NatsErrorCode.NoResponders || error.code === NatsErrorCode.Timeout);
      if (!noAnswer) throw error;
      // Retryable: a transcripts deployment restarting answers again in a moment.
      throw new ReportError(
        'TRANSCRIPTS_UNAVAILABLE',
        'The transcripts service did not answer the request for the transcript.',
        {},
        error,
      );
    }
  }
}
