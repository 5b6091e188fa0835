import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from '@mymeet/core';
import { TranscriptRepository } from './repositories/transcript.repository.js';
import { MissingSegmentsSweeper } from './services/missing-segments.sweeper.js';

/** Runs the missing-segments sweeper on a timer (every instance; row locks keep them from doing the same work). */
export function startMissingSegmentsTimer(
  orm: MikroORM,
  options: { timeoutMs: number; intervalMs: number },
  logger: Logger,
  afterCommit: () => void,
): { stop(): Promise<void> } {
  let running: Promise<void> | undefined;
  const pass = () => {
    if (running) return;
    const sweeper = new MissingSegmentsSweeper(
      new TranscriptRepository(orm.em.fork(), afterCommit),
      options.timeoutMs,
    );
    running = sweeper
      .sweep()
      .then((result) => {
        if (result.failed || result.completed) logger.info(result, 'transcripts missing-segments sweep');
      })
      .catch((error: unknown) => logger.warn({ err: error }, 'missing-segments sweep failed; will retry'))
      .finally(() => (running = undefined));
  };
  const timer = setInterval(pass, options.intervalMs);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
