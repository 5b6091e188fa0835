import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { GraphQLSchema } from 'graphql';
import { createJwtVerifier } from '@mymeet/auth';
import { createLogger, type Logger } from '@mymeet/core';
import {
  apolloRequestHandler,
  createErrorFormatter,
  createMetrics,
  inputGuardPlugin,
  startServiceHttpServer,
} from '@mymeet/server';
import { createContextAuthenticator } from './auth/authenticate-request.js';
import { SignedSubgraphDataSource } from './auth/signed-subgraph-data-source.js';
import type { GatewayConfig } from './config.js';
import type { GatewayContext } from './gateway-context.js';
import { enforceDocumentLimits } from './limits/document-limits.js';
import { queryLimitsPlugin } from './limits/query-limits.plugin.js';
import { enforceRateLimit } from './limits/rate-limit.js';
import { RateLimiter } from './limits/rate-limiter.js';
import { startLiveSubscriptions } from './subscriptions/live-subscriptions.js';
import { httpSubscriptionRefusalPlugin } from './subscriptions/http-subscription-refusal.plugin.js';
import { watchedSupergraph } from './supergraph/watch-supergraph.js';

export interface RunningGateway {
  url: string;
  /** The private `/metrics` listener. */
  metricsUrl: string;
  stop(): Promise<void>;
}

/**
 * The public entry point: the federated graph on `/graphql` with auth and limits, `/health` and
 * `/ready` beside it, `/metrics` on a private port. A request is admitted in this order: body
 * size, CSRF, token, rate limit, size and shape of the text (parse-time), then GraphQL validation,
 * then cost, mutation caps and input values, and only then do subgraphs see it. Subscriptions are
 * served over graphql-ws on the same path and port, under the same limits (see `subscriptions/`).
 */
export async function startGateway(
  config: GatewayConfig,
  logger: Logger = createLogger('gateway', config.logLevel),
): Promise<RunningGateway> {
  const gateway = new ApolloGateway({
    supergraphSdl: watchedSupergraph(config.supergraphPath, config.supergraphPollMs, logger),
    buildService: ({ name, url }) =>
      new SignedSubgraphDataSource(name, config.subgraphUrls[name] ?? url ?? '', config.internalSecret),
  });
  let schema: GraphQLSchema | undefined;
  gateway.onSchemaLoadOrUpdate(({ apiSchema }) => {
    schema = apiSchema;
  });
  const formatError = createErrorFormatter({
    debug: config.graphqlDebug,
    hideSuggestions: config.production,
    logger,
  });
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    introspection: !config.production,
    includeStacktraceInErrorResponses: config.graphqlDebug,
    hideSchemaDetailsFromClientErrors: config.production,
    csrfPrevention: true,
    // Nothing here uses automatic persisted queries; off, every request carries its checked text.
    persistedQueries: false,
    parseOptions: { maxTokens: config.limits.maxTokens },
    formatError,
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      httpSubscriptionRefusalPlugin(),
      queryLimitsPlugin(config.limits, () => {
        if (!schema) throw new Error('Supergraph not loaded');
        return schema;
      }),
      inputGuardPlugin(),
    ],
  });
  await apollo.start();
  const verify = createJwtVerifier(config.jwt);
  const authenticate = createContextAuthenticator(verify);
  const limiter = new RateLimiter(config.limits.requestsPerMinute);
  const metrics = createMetrics('gateway');
  const http = await startServiceHttpServer({
    host: config.host,
    port: config.port,
    metricsListener: config.metrics,
    logger,
    metrics,
    isReady: async () => schema !== undefined,
    routes: {
      '/graphql': apolloRequestHandler(
        apollo,
        async (req, operation) => {
          const context = await authenticate(req);
          enforceRateLimit(limiter, context.user.sub);
          enforceDocumentLimits(operation.query, config.limits);
          return context;
        },
        config.limits.maxBodyBytes,
      ),
    },
  });
  const subscriptions = startLiveSubscriptions({
    config,
    apollo,
    httpServer: http.server,
    schema: () => schema,
    verify,
    limiter,
    formatError,
    metrics,
    logger,
  });
  logger.info({ url: `${http.url}/graphql`, metrics: `${http.metricsUrl}/metrics` }, 'gateway ready');
  return {
    url: http.url,
    metricsUrl: http.metricsUrl,
    stop: async () => {
      await subscriptions.stop();
      await http.close();
      await apollo.stop();
    },
  };
}
