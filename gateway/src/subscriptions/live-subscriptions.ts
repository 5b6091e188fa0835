import type { Server } from 'node:http';
import type { ApolloServer } from '@apollo/server';
import type { GraphQLSchema } from 'graphql';
import type { JwtVerifier } from '@mymeet/auth';
import type { Logger } from '@mymeet/core';
import type { Metrics } from '@mymeet/server';
import type { GatewayConfig } from '../config.js';
import type { GatewayContext } from '../gateway-context.js';
import type { RateLimiter } from '../limits/rate-limiter.js';
import { apolloFederatedGraph, graphMeetingAccess } from './federated-graph.js';
import { FEEDS } from './feeds/feed-catalogue.js';
import { openLiveEventsConnection } from './live-events-connection.js';
import { followMeetingEvents, readMeetingHistory } from './meeting-event-stream.js';
import { PayloadRenderer, type ErrorFormatter } from './payload-renderer.js';
import { registerSubscriptionMetrics } from './subscription-metrics.js';
import { startSubscriptionServer } from './subscription-server.js';
import { TopicRegistry } from './topic-registry.js';

export interface LiveSubscriptionsOptions {
  config: GatewayConfig;
  apollo: ApolloServer<GatewayContext>;
  httpServer: Server;
  schema: () => GraphQLSchema | undefined;
  verify: JwtVerifier;
  limiter: RateLimiter;
  formatError: ErrorFormatter;
  metrics: Metrics;
  logger: Logger;
}

/** The gateway's subscription layer: graphql-ws on `/graphql`, fed from JetStream, entities from the federated graph. */
export function startLiveSubscriptions(options: LiveSubscriptionsOptions) {
  const { config, logger } = options;
  const nats = openLiveEventsConnection(config.natsUrl, logger);
  const graph = apolloFederatedGraph(options.apollo);
  const registry = new TopicRegistry({
    feeds: [...FEEDS.values()],
    access: graphMeetingAccess(graph),
    follow: async (meetingId, handlers) =>
      followMeetingEvents(await nats.jetstream(), meetingId, handlers, logger),
    logCapacity: config.subscriptions.historyPerMeeting,
    lingerMs: config.subscriptions.topicLingerMs,
    logger,
  });
  const server = startSubscriptionServer({
    httpServer: options.httpServer,
    path: '/graphql',
    schema: options.schema,
    verify: options.verify,
    limiter: options.limiter,
    limits: config.limits,
    settings: config.subscriptions,
    registry,
    renderer: new PayloadRenderer(graph, options.formatError, 10_000),
    history: (meetingId) =>
      (async function* () {
        yield* readMeetingHistory(await nats.jetstream(), meetingId, logger);
      })(),
    formatError: options.formatError,
    logger,
  });
  registerSubscriptionMetrics(options.metrics.registry, {
    sockets: server.sockets,
    subscriptions: server.subscriptions,
    topics: () => registry.size,
  });
  return {
    stop: async () => {
      await server.stop();
      await registry.stopAll();
      await nats.close();
    },
  };
}
