import type { MikroORM } from '@mikro-orm/postgresql';
import type { NatsConnection } from 'nats';
import { TRANSCRIPT_SEGMENTS_QUEUE, TRANSCRIPT_SEGMENTS_SUBJECT } from '@mymeet/contracts';
import type { Logger } from '@mymeet/core';
import { TranscriptRepository } from '../repositories/transcript.repository.js';
import { SegmentPagesService } from '../services/segment-pages.service.js';

/**
 * Answers `internal.transcripts.segments` (core NATS request-reply, no stream): every instance
 * joins one queue group, so each request is answered once, by whichever instance is free.
 */
export function answerSegmentPages(
  orm: MikroORM,
  nc: NatsConnection,
  logger: Logger,
): { stop(): Promise<void> } {
  const inFlight = new Set<Promise<void>>();
  const subscription = nc.subscribe(TRANSCRIPT_SEGMENTS_SUBJECT, {
    queue: TRANSCRIPT_SEGMENTS_QUEUE,
    callback: (error, msg) => {
      if (error) return logger.warn({ err: error }, 'segment page subscription error');
      const answering = (async () => {
        const request = (() => {
          try {
            return msg.json();
          } catch {
            return undefined;
          }
        })();
        const reply = await new SegmentPagesService(new TranscriptRepository(orm.em.fork()))
          .answer(request)
          .catch((failure: unknown) => {
            logger.error({ err: failure }, 'could not read a segment page');
            return {
              ok: false as const,
              code: 'UNAVAILABLE' as const,
              message: 'The transcript could not be read; try again',
            };
          });
        msg.respond(JSON.stringify(reply));
      })().finally(() => inFlight.delete(answering));
      inFlight.add(answering);
    },
  });
  return {
    stop: async () => {
      subscription.unsubscribe();
      await Promise.all(inFlight);
    },
  };
}
