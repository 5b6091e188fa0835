import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { openDatabase } from '@mymeet/database';
import { progressBar, type ProgressBar } from '@mymeet/core';
import { loadTranscriptsConfig } from '../config.js';
import { transcriptsEntities } from '../entities/index.js';
import { transcriptsMigrations } from '../migrations/index.js';
import { createSearchEngine } from './search-engine.js';
import { SearchIndexer } from './search-indexer.service.js';
import { reindexAll } from './search-reindex.service.js';

// `npm run reindex [-- --engine postgres|elasticsearch] [--fresh] [--concurrency N]`: the search
// index rebuilt from the transcripts database, with the same settings the service reads.
const { values } = parseArgs({
  options: {
    engine: { type: 'string' },
    fresh: { type: 'boolean', default: false },
    concurrency: { type: 'string', default: '2' },
  },
});
const config = loadTranscriptsConfig({
  // Reindexing serves no requests: the service's identity secret is not needed here.
  INTERNAL_SECRET: randomBytes(32).toString('hex'),
  ...process.env,
  ...(values.engine ? { SEARCH_ENGINE: values.engine } : {}),
});
const concurrency = Number(values.concurrency);
if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 32) {
  console.error('--concurrency must be 1 to 32');
  process.exit(2);
}
const orm = await openDatabase({
  url: config.databaseUrl,
  entities: transcriptsEntities,
  migrations: transcriptsMigrations,
});
const engine = createSearchEngine(config.search, orm);
try {
  await engine.prepare();
  const bar: { current?: ProgressBar } = {};
  const result = await reindexAll(orm, engine, new SearchIndexer(orm, engine), {
    fresh: values.fresh,
    concurrency,
    onProgress: (done, total) =>
      (bar.current ??= progressBar(`reindex (${engine.engine})`, total, 'meetings')).update(done),
  });
  bar.current?.finish();
  console.log(
    `reindexed ${result.meetings} meetings, ${result.documents} passages into ${engine.engine} in ` +
      `${result.seconds.toFixed(1)} s (${(result.documents / Math.max(result.seconds, 0.001)).toFixed(0)} passages/s)`,
  );
} finally {
  await engine.close();
  await orm.close();
}
