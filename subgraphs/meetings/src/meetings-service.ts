import { createLogger, type Logger } from '@mymeet/core';
import { openServiceBackbone } from '@mymeet/backbone';
import { startSubgraph } from '@mymeet/server';
import type { MeetingsConfig } from './config.js';
import { meetingsEntities } from './entities/index.js';
import { consumeMeetingStatusEvents } from './events/meeting-status.consumer.js';
import { meetingsMigrations } from './migrations/index.js';
import { buildMeetingsSchema } from './schema/build-meetings-schema.js';
import { meetingsContextFactory } from './schema/meetings-context.js';

export interface RunningMeetingsService {
  url: string;
  stop(): Promise<void>;
}

/** Wires the meetings subgraph: database (migrated), NATS, outbox relay, status consumer, HTTP. */
export async function startMeetingsService(
  config: MeetingsConfig,
  logger: Logger = createLogger('meetings', config.logLevel),
): Promise<RunningMeetingsService> {
  const backbone = await openServiceBackbone({
    name: 'meetings',
    database: { url: config.databaseUrl, entities: meetingsEntities, migrations: meetingsMigrations },
    natsUrl: config.natsUrl,
    logger,
  });
  const { orm, messaging } = backbone;
  const consumers = await consumeMeetingStatusEvents(
    orm,
    messaging,
    logger,
    config.consumerPrefix,
    config.consumerStart,
  );
  const { schema } = await buildMeetingsSchema();
  const server = await startSubgraph({
    name: 'meetings',
    schema,
    config,
    logger,
    isReady: backbone.isReady,
    extendContext: meetingsContextFactory(orm, backbone.kick),
  });
  return {
    url: server.http.url,
    stop: async () => {
      await server.stop();
      await Promise.all(consumers.map((consumer) => consumer.stop()));
      await backbone.close();
    },
  };
}
