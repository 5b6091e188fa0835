import type { MikroORM } from '@mikro-orm/postgresql';
import type { SearchIndexer } from './search-indexer.service.js';
import { SearchSourceRepository } from './search-source.repository.js';
import type { TranscriptSearchPort } from './transcript-search.port.js';

export interface ReindexResult {
  meetings: number;
  documents: number;
  seconds: number;
}

/**
 * Rebuilds an engine's index from the database: every meeting with a completed run goes through the
 * same locked step as live indexing, so reindexing while the service runs loses no change.
 */
export async function reindexAll(
  orm: MikroORM,
  engine: TranscriptSearchPort,
  indexer: SearchIndexer,
  options: { fresh: boolean; concurrency: number; onProgress?: (done: number, total: number) => void },
): Promise<ReindexResult> {
  const started = Date.now();
  const source = new SearchSourceRepository(orm.em.fork());
  if (options.fresh) await engine.clear();
  const total = await source.countMeetingsToIndex();
  let done = 0;
  let documents = 0;
  let after: string | null = null;
  options.onProgress?.(0, total);
  for (;;) {
    const batch = await source.meetingsToIndex(after, 200);
    if (batch.length === 0) break;
    after = batch.at(-1)!;
    let next = 0;
    const worker = async () => {
      while (next < batch.length) {
        const written = await indexer.syncMeeting(batch[next++]!);
        documents += written;
        options.onProgress?.(++done, total);
      }
    };
    await Promise.all(Array.from({ length: options.concurrency }, worker));
  }
  return { meetings: done, documents, seconds: (Date.now() - started) / 1000 };
}
