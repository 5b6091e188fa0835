import { createLogger, type Logger } from '@mymeet/core';
import { consumeMeetingState } from '@mymeet/meeting-access';
import { openServiceBackbone } from '@mymeet/backbone';
import { startSubgraph } from '@mymeet/server';
import type { TranscriptsConfig } from './config.js';
import { transcriptsEntities } from './entities/index.js';
import { consumeMediaReady } from './events/media-ready.consumer.js';
import { consumeWorkerEvents } from './events/worker-events.consumer.js';
import { answerSegmentReads } from './internal/segments.responder.js';
import { transcriptsMigrations } from './migrations/index.js';
import { startMissingSegmentsTimer } from './missing-segments.timer.js';
import { buildTranscriptsSchema } from './schema/build-transcripts-schema.js';
import { transcriptsContextFactory } from './schema/transcripts-context.js';
import { createSearchEngine } from './search/search-engine.js';
import { consumeSearchEvents } from './search/search-events.consumer.js';
import { SearchIndexer } from './search/search-indexer.service.js';
import { meetingAccessFor } from './services/meeting-access.adapter.js';
import { deleteMeetingTranscripts } from './services/meeting-cleanup.service.js';

export interface RunningTranscriptsService {
  url: string;
  stop(): Promise<void>;
}

/** Wires the transcripts subgraph: database (migrated), NATS, outbox, consumers, sweeper, HTTP. */
export async function startTranscriptsService(
  config: TranscriptsConfig,
  logger: Logger = createLogger('transcripts', config.logLevel),
): Promise<RunningTranscriptsService> {
  const backbone = await openServiceBackbone({
    name: 'transcripts',
    database: { url: config.databaseUrl, entities: transcriptsEntities, migrations: transcriptsMigrations },
    natsUrl: config.natsUrl,
    logger,
  });
  const { orm, messaging, kick } = backbone;
  const consumerOptions = {
    logger,
    consumerPrefix: config.consumerPrefix,
    deliverFrom: config.consumerStart,
    afterCommit: kick,
  };
  const searchEngine = createSearchEngine(config.search, orm);
  await searchEngine.prepare();
  const consumers = [
    // Who may see each meeting, from the STATE stream; a deleted meeting takes its runs along.
    await consumeMeetingState(orm, messaging, logger, {
      consumerPrefix: config.consumerPrefix,
      deliverFrom: config.consumerStart,
      onDeleted: deleteMeetingTranscripts,
    }),
    await consumeMediaReady(orm, messaging, meetingAccessFor, consumerOptions),
    await consumeWorkerEvents(orm, messaging, meetingAccessFor, {
      ...consumerOptions,
      concurrency: config.eventConcurrency,
    }),
    // The search index follows meetings, completed runs and corrections.
    ...(await consumeSearchEvents(messaging, new SearchIndexer(orm, searchEngine), {
      logger,
      consumerPrefix: config.consumerPrefix,
      deliverFrom: config.consumerStart,
    })),
  ];
  // The report worker reads a run's segments through this, page by page.
  const segmentReads = answerSegmentReads(orm, messaging.nc, logger);
  const sweeper = startMissingSegmentsTimer(
    orm,
    { timeoutMs: config.missingSegmentsTimeoutMs, intervalMs: config.sweepIntervalMs },
    logger,
    kick,
  );
  const { schema } = await buildTranscriptsSchema();
  const server = await startSubgraph({
    name: 'transcripts',
    schema,
    config,
    logger,
    isReady: backbone.isReady,
    extendContext: transcriptsContextFactory(orm, meetingAccessFor, kick, searchEngine),
  });
  return {
    url: server.http.url,
    stop: async () => {
      await server.stop();
      await sweeper.stop();
      await segmentReads.stop();
      await Promise.all(consumers.map((consumer) => consumer.stop()));
      await searchEngine.close();
      await backbone.close();
    },
  };
}
