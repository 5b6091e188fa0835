import type { MikroORM } from '@mikro-orm/postgresql';
import type { Msg, NatsConnection } from 'nats';
import {
  TRANSCRIPT_SEGMENTS_QUEUE,
  TRANSCRIPT_SEGMENTS_SUBJECT,
  segmentPage,
  transcriptSegmentsRequestSchema,
  type TranscriptSegmentsReply,
} from '@mymeet/contracts';
import type { Logger } from '@mymeet/core';
import { TranscriptRepository } from '../repositories/transcript.repository.js';

/**
 * The internal read other services' workers use (the report worker): one page of a run's segments
 * per request over core NATS, bounded in count and bytes by the contract, in a queue group so any
 * instance answers. Internal only: NATS is not reachable from outside the platform.
 */
export function answerSegmentReads(
  orm: MikroORM,
  nc: NatsConnection,
  logger: Logger,
): { stop(): Promise<void> } {
  const reply = (msg: Msg, answer: TranscriptSegmentsReply) => msg.respond(JSON.stringify(answer));
  const answer = async (msg: Msg) => {
    const request = transcriptSegmentsRequestSchema.safeParse(safeJson(msg));
    if (!request.success)
      return reply(msg, { ok: false, code: 'INVALID_REQUEST', message: request.error.message });
    const { transcriptId, after, limit } = request.data;
    try {
      const transcripts = new TranscriptRepository(orm.em.fork());
      const run = await transcripts.findById(transcriptId);
      if (!run) return reply(msg, { ok: false, code: 'TRANSCRIPT_NOT_FOUND', message: 'No such transcript' });
      // One more than the page, so the page knows whether another follows.
      const rows = await transcripts.segments.findPages([transcriptId], after ?? -1, limit + 1);
      const segments = rows.map(({ index, startMs, endMs, speaker, text }) => ({
        index,
        startMs,
        endMs,
        speaker,
        text,
      }));
      reply(msg, segmentPage(transcriptId, run.status, segments, limit));
    } catch (error) {
      logger.error({ err: error, transcriptId }, 'segment read failed');
      reply(msg, { ok: false, code: 'UNAVAILABLE', message: 'The transcript could not be read just now' });
    }
  };
  const subscription = nc.subscribe(TRANSCRIPT_SEGMENTS_SUBJECT, {
    queue: TRANSCRIPT_SEGMENTS_QUEUE,
    callback: (_error, msg) => void answer(msg),
  });
  return { stop: () => subscription.drain() };
}

function safeJson(msg: Msg): unknown {
  try {
    return msg.json();
  } catch {
    return undefined;
  }
}
