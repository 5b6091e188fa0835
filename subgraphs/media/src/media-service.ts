import { createLogger, type Logger } from '@mymeet/core';
import { openServiceBackbone, startSubgraph } from '@mymeet/server';
import type { MediaConfig } from './config.js';
import { mediaEntities } from './entities/index.js';
import { consumeMediaImportJobs } from './events/media-import.consumer.js';
import { consumeMeetingEvents } from './events/meeting-access.consumer.js';
import type { AddressPolicy } from './outbound/address.policy.js';
import { mediaMigrations } from './migrations/index.js';
import { buildMediaDependencies } from './media-dependencies.factory.js';
import { startMediaSweeper } from './media-sweeper.timer.js';
import { buildMediaSchema } from './schema/build-media-schema.js';
import { mediaContextFactory } from './schema/media-context.js';

export interface RunningMediaService {
  url: string;
  stop(): Promise<void>;
}

export interface MediaServiceOverrides {
  /** Tests only: which addresses URL imports may reach (there is deliberately no config switch). */
  importAddressPolicy?: AddressPolicy;
}

/** Wires the media subgraph: storage (bucket ensured), database (migrated), NATS, outbox, consumers, sweeper, HTTP. */
export async function startMediaService(
  config: MediaConfig,
  logger: Logger = createLogger('media', config.logLevel),
  overrides: MediaServiceOverrides = {},
): Promise<RunningMediaService> {
  const deps = buildMediaDependencies(config, overrides.importAddressPolicy);
  await deps.storage.ensureBucket();
  const backbone = await openServiceBackbone({
    name: 'media',
    database: { url: config.databaseUrl, entities: mediaEntities, migrations: mediaMigrations },
    natsUrl: config.natsUrl,
    logger,
  });
  const { orm, messaging, kick } = backbone;
  const consumers = [
    await consumeMeetingEvents(
      orm,
      messaging,
      deps.storage,
      logger,
      config.consumerPrefix,
      config.consumerStart,
    ),
    await consumeMediaImportJobs(orm, messaging, deps, logger, kick),
  ];
  const sweeper = startMediaSweeper(orm, deps.storage, config.uploads, logger, kick);
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
