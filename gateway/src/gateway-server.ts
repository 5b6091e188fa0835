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
  startServiceHttpServer,
} from '@mymeet/server';
import { createContextAuthenticator } from './auth/authenticate-request.js';
import { SignedSubgraphDataSource } from './auth/signed-subgraph-data-source.js';
import type { GatewayConfig } from './config.js';
import type { GatewayContext } from './gateway-context.js';
import { queryLimitsPlugin } from './limits/query-limits.plugin.js';
import { rateLimitPlugin } from './limits/rate-limit.plugin.js';
import { loadSupergraph } from './supergraph/load-supergraph.js';

export interface RunningGateway {
  url: string;
  stop(): Promise<void>;
}

/** The public entry point: the federated graph on `/graphql` with auth, limits, health and metrics. */
export async function startGateway(
  config: GatewayConfig,
  logger: Logger = createLogger('gateway', config.logLevel),
): Promise<RunningGateway> {
  const gateway = new ApolloGateway({
    supergraphSdl: loadSupergraph(config.supergraphPath),
    buildService: ({ name, url }) =>
      new SignedSubgraphDataSource(config.subgraphUrls[name] ?? url ?? '', config.internalSecret),
  });
  let schema: GraphQLSchema | undefined;
  gateway.onSchemaLoadOrUpdate(({ apiSchema }) => {
    schema = apiSchema;
  });
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    introspection: !config.production,
    includeStacktraceInErrorResponses: config.graphqlDebug,
    csrfPrevention: true,
    formatError: createErrorFormatter({
      debug: config.graphqlDebug,
      hideSuggestions: config.production,
      logger,
    }),
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      rateLimitPlugin(config.limits.requestsPerMinute),
      queryLimitsPlugin(config.limits, () => {
        if (!schema) throw new Error('Supergraph not loaded');
        return schema;
      }),
    ],
  });
  await apollo.start();
  const http = await startServiceHttpServer({
    host: config.host,
    port: config.port,
    logger,
    metrics: createMetrics('gateway'),
    isReady: async () => schema !== undefined,
    routes: {
      '/graphql': apolloRequestHandler(
        apollo,
        createContextAuthenticator(createJwtVerifier(config.jwt)),
        config.limits.maxBodyBytes,
      ),
    },
  });
  logger.info({ url: `${http.url}/graphql` }, 'gateway ready');
  return {
    url: http.url,
    stop: async () => {
      await http.close();
      await apollo.stop();
    },
  };
}
