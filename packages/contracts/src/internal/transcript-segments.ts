import { z } from 'zod';

/**
 * Internal read of a transcript's segments, request-reply over core NATS (no stream keeps it):
 * the report worker asks the transcripts service for one page at a time, so hours of transcript
 * never travel as one message. Every transcripts instance answers in one queue group.
 */
export const TRANSCRIPT_SEGMENTS_SUBJECT = 'internal.transcripts.segments';
export const TRANSCRIPT_SEGMENTS_QUEUE = 'transcripts-segments';

export const SEGMENT_PAGE_LIMITS = {
  defaultSegments: 500,
  maxSegments: 1_000,
  /** A reply stays far below NATS's 1 MiB default payload, whatever the segments hold. */
  maxBytes: 256 * 1024,
} as const;

export const transcriptSegmentsRequestSchema = z.object({
  transcriptId: z.uuid(),
  /** The page cursor: the index of the last segment already read; null for the first page. */
  after: z.number().int().nonnegative().nullable().default(null),
  limit: z
    .number()
    .int()
    .min(1)
    .max(SEGMENT_PAGE_LIMITS.maxSegments)
    .default(SEGMENT_PAGE_LIMITS.defaultSegments),
});

const segmentSchema = z.object({
  index: z.number().int().nonnegative(),
  startMs: z.number().int().nonnegative(),
  endMs: z.number().int().nonnegative(),
  /** The speaker's name once the owner gave one, else the diarizer's label (S1, S2…), else null. */
  speaker: z.string().nullable(),
  /** The text users read (an owner's correction included). */
  text: z.string(),
});

export const transcriptSegmentsReplySchema = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    transcriptId: z.uuid(),
    status: z.string(),
    segments: z.array(segmentSchema),
    /** Pass as `after` for the next page; null when this was the last page. */
    next: z.number().int().nonnegative().nullable(),
  }),
  z.object({
    ok: z.literal(false),
    code: z.enum(['INVALID_REQUEST', 'TRANSCRIPT_NOT_FOUND', 'UNAVAILABLE']),
    message: z.string(),
  }),
]);

export type TranscriptSegmentsRequest = z.output<typeof transcriptSegmentsRequestSchema>;
export type TranscriptSegmentsReply = z.output<typeof transcriptSegmentsReplySchema>;
export type TranscriptSegmentRecord = z.output<typeof segmentSchema>;

/**
 * The longest prefix of `segments` (in index order, one more than the page holds when more exist)
 * that fits one reply: at most `limit` segments and SEGMENT_PAGE_LIMITS.maxBytes of JSON.
 */
export function segmentPage(
  transcriptId: string,
  status: string,
  segments: readonly TranscriptSegmentRecord[],
  limit: number,
): Extract<TranscriptSegmentsReply, { ok: true }> {
  const page: TranscriptSegmentRecord[] = [];
  let bytes = 256;
  for (const segment of segments.slice(0, limit)) {
    const size = Buffer.byteLength(JSON.stringify(segment)) + 1;
    if (page.length > 0 && bytes + size > SEGMENT_PAGE_LIMITS.maxBytes) break;
    page.push(segment);
    bytes += size;
  }
  const more = segments.length > page.length;
  return { ok: true, transcriptId, status, segments: page, next: more ? page.at(-1)!.index : null };
}
