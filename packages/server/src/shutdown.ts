import type { Logger } from '@mymeet/core';

/**
 * Runs the given closers in order on SIGINT/SIGTERM (last started, first closed), then exits.
 * A second signal exits at once.
 */
export function closeOnSignals(
  logger: Logger,
  closers: Array<() => Promise<void>>,
  timeoutMs = 10_000,
): void {
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) process.exit(1);
    closing = true;
    logger.info({ signal }, 'shutting down');
    const timer = setTimeout(() => {
      logger.error('shutdown timed out');
      process.exit(1);
    }, timeoutMs);
    timer.unref();
    for (const close of closers) {
      await close().catch((error: unknown) => logger.error({ err: error }, 'error while closing'));
    }
    process.exit(0);
  };
  process.once('SIGINT', (signal) => void shutdown(signal));
  process.once('SIGTERM', (signal) => void shutdown(signal));
}
