import {
  segmentPage,
  transcriptSegmentsRequestSchema,
  type TranscriptSegmentsReply,
} from '@mymeet/contracts';
import type { TranscriptRepository } from '../repositories/transcript.repository.js';
import { isUuid } from './transcript-read.service.js';

/**
 * Pages of a run's segments for other services (the report worker), over the internal
 * request-reply subject: bounded in count and bytes, so hours of transcript never ride in one
 * message. Callers are services on the private NATS network, not users: no visibility check.
 */
export class SegmentPagesService {
  constructor(private readonly transcripts: TranscriptRepository) {}

  async answer(request: unknown): Promise<TranscriptSegmentsReply> {
    const parsed = transcriptSegmentsRequestSchema.safeParse(request);
    if (!parsed.success) return { ok: false, code: 'INVALID_REQUEST', message: parsed.error.message };
    const { transcriptId, after, limit } = parsed.data;
    const run = isUuid(transcriptId) ? await this.transcripts.findById(transcriptId) : null;
    if (!run)
      return { ok: false, code: 'TRANSCRIPT_NOT_FOUND', message: `Transcript ${transcriptId} not found` };
    // One more than the page holds tells whether another page follows.
    const rows = await this.transcripts.segments.findPages([run.id], after ?? -1, limit + 1);
    const segments = rows.map((row) => ({
      index: row.index,
      startMs: row.startMs,
      endMs: row.endMs,
      speaker: row.speaker,
      text: row.text,
    }));
    return segmentPage(run.id, run.status, segments, limit);
  }
}
