import { readFileSync, unwatchFile, watchFile } from 'node:fs';
import type { SupergraphSdlHook } from '@apollo/gateway';
import type { Logger } from '@mymeet/core';
import { loadSupergraph } from './load-supergraph.js';

/**
 * Serves the supergraph file and reloads it when it changes (checked every `pollMs`; 0: never), so
 * a newly composed supergraph goes live without a restart and without dropping any WebSocket: open
 * subscriptions keep the schema they were checked against. A file that does not load is refused
 * with an error log and the previous supergraph stays.
 */
export function watchedSupergraph(path: string, pollMs: number, logger: Logger): SupergraphSdlHook {
  return async ({ update }) => {
    let current = loadSupergraph(path);
    if (pollMs <= 0) return { supergraphSdl: current };
    const reload = () => {
      let next: string;
      try {
        next = readFileSync(path, 'utf8');
      } catch (error) {
        logger.warn({ err: error, path }, 'supergraph file unreadable; keeping the current one');
        return;
      }
      if (next === current) return;
      try {
        update(next);
        current = next;
        logger.info({ path }, 'supergraph reloaded');
      } catch (error) {
        logger.error({ err: error, path }, 'supergraph reload refused; keeping the current one');
      }
    };
    watchFile(path, { interval: pollMs, persistent: false }, reload);
    return { supergraphSdl: current, cleanup: async () => unwatchFile(path, reload) };
  };
}
