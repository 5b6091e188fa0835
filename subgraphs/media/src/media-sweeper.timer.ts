import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from '@mymeet/core';
import { MediaAssetRepository } from './repositories/media-asset.repository.js';
import { DEFAULT_COMPLETION_GRACE_MS, MediaSweeper } from './services/cleanup/media-sweeper.service.js';
import type { ObjectStoragePort } from './storage/object-storage.port.js';

/** Runs the media sweeper on a timer (every instance; row locks keep them from doing the same work). */
export function startMediaSweeper(
  orm: MikroORM,
  storage: ObjectStoragePort,
  options: { abandonedAfterHours: number; sweepIntervalMs: number; abandonedImportAfterMs: number },
  logger: Logger,
  afterCommit: () => void,
): { stop(): Promise<void> } {
  let running: Promise<void> | undefined;
  const pass = () => {
    if (running) return;
    const sweeper = new MediaSweeper(new MediaAssetRepository(orm.em.fork(), afterCommit), storage, {
      abandonedAfterHours: options.abandonedAfterHours,
      completionGraceMs: DEFAULT_COMPLETION_GRACE_MS,
      abandonedImportAfterMs: options.abandonedImportAfterMs,
      batchSize: 100,
    });
    running = sweeper
      .sweep()
      .then((result) => {
        if (result.abortedUploads || result.expiredAssets || result.abandonedImports)
          logger.info(result, 'media sweep');
      })
      .catch((error: unknown) => logger.warn({ err: error }, 'media sweep failed; will retry'))
      .finally(() => (running = undefined));
  };
  const timer = setInterval(pass, options.sweepIntervalMs);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
