import type { NatsConnection, Subscription } from 'nats';
import {
  TRANSCRIPT_SEGMENTS_QUEUE,
  TRANSCRIPT_SEGMENTS_SUBJECT,
  segmentPage,
  transcriptSegmentsRequestSchema,
  type TranscriptSegmentRecord,
} from '@mymeet/contracts';

/**
 * Plays the transcripts service's side of `internal.transcripts.segments` from memory, paging as
 * the contract says (and at most `pageCap` segments a page, to make paging visible in tests), for
 * report-worker tests and benchmarks that run without a transcripts service.
 */
export function answerSegmentRequests(
  nc: NatsConnection,
  transcripts: Map<string, TranscriptSegmentRecord[]>,
  pageCap = 5,
): { requests: number; stop(): void } {
  const state = { requests: 0 };
  const subscription: Subscription = nc.subscribe(TRANSCRIPT_SEGMENTS_SUBJECT, {
    queue: TRANSCRIPT_SEGMENTS_QUEUE,
    callback: (_error, msg) => {
      state.requests++;
      const parsed = transcriptSegmentsRequestSchema.safeParse(msg.json());
      if (!parsed.success)
        return msg.respond(
          JSON.stringify({ ok: false, code: 'INVALID_REQUEST', message: parsed.error.message }),
        );
      const { transcriptId, after, limit } = parsed.data;
      const segments = transcripts.get(transcriptId);
      if (!segments)
        return msg.respond(
          JSON.stringify({ ok: false, code: 'TRANSCRIPT_NOT_FOUND', message: 'no such transcript' }),
        );
      const rest = segments.filter((segment) => after === null || segment.index > after);
      msg.respond(JSON.stringify(segmentPage(transcriptId, 'COMPLETED', rest, Math.min(limit, pageCap))));
    },
  });
  return {
    get requests() {
      return state.requests;
    },
    stop: () => subscription.unsubscribe(),
  };
}
