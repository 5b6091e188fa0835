import { createLogger, type Logger } from '@mymeet/core';
import { openServiceBackbone } from '@mymeet/backbone';
import { startSubgraph } from '@mymeet/server';
import type { MediaConfig } from './config.js';
import { mediaEntities } from './entities/index.js';
import { consumeMediaImportJobs, importJobLifetimeMs } from './events/media-import.consumer.js';
import { consumeMeetingState } from '@mymeet/meeting-access';
import { meetingObjectPrefix } from './domain/object-keys.js';
import { MediaAssetRepository } from './repositories/media-asset.repository.js';
import { mediaMigrations } from './migrations/index.js';
import { buildMediaDependencies } from './media-dependencies.factory.js';
import { startMediaSweeper } from './media-sweeper.timer.js';
import { buildMediaSchema } from './schema/build-media-schema.js';
import { mediaContextFactory } from './schema/media-context.js';

export interface RunningMediaService {
  url: string;
  stop(): Promise<void>;
}

/** Wires the media subgraph: storage (bucket ensured), database (migrated), NATS, outbox, consumers, sweeper, HTTP. */
export async function startMediaService(
  config: MediaConfig,
  logger: Logger = createLogger('media', config.logLevel),
): Promise<RunningMediaService> {
  const deps = buildMediaDependencies(config);
  await deps.storage.ensureBucket();
  const backbone = await openServiceBackbone({
    name: 'media',
    database: { url: config.databaseUrl, entities: mediaEntities, migrations: mediaMigrations },
    natsUrl: config.natsUrl,
    logger,
  });
  const { orm, messaging, kick } = backbone;
  const consumers = [
    // A deleted meeting takes its media along: objects first (a failure is retried, whereas rows
    // deleted first would leave orphans), then the rows with the tombstone.
    await consumeMeetingState(orm, messaging, logger, {
      consumerPrefix: config.consumerPrefix,
      deliverFrom: config.consumerStart,
      beforeDelete: async (meetingId) =>
        void (await deps.storage.deletePrefix(meetingObjectPrefix(meetingId))),
      onDeleted: async (tx, meetingId) =>
        void (await new MediaAssetRepository(tx).deleteByMeeting(meetingId)),
    }),
    await consumeMediaImportJobs(orm, messaging, deps, config.imports, logger, kick),
  ];
  const sweeper = startMediaSweeper(
    orm,
    deps.storage,
    { ...config.uploads, abandonedImportAfterMs: importJobLifetimeMs(config.imports) + 3_600_000 },
    logger,
    kick,
  );
  const { schema } = await buildMediaSchema();
  const server = await startSubgraph({
    name: 'media',
    schema,
    config,
    logger,
    isReady: backbone.isReady,
    extendContext: mediaContextFactory(orm, deps, kick),
  });
  return {
    url: server.http.url,
    stop: async () => {
      await server.stop();
      await sweeper.stop();
      await Promise.all(consumers.map((consumer) => consumer.stop()));
      await backbone.close();
      deps.close();
    },
  };
}
