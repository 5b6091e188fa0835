import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import type { GraphQLSchema } from 'graphql';
import type { Logger } from '@mymeet/core';
import { createErrorFormatter } from './graphql/format-error.js';
import { createSubgraphContextFactory, type SubgraphContext } from './graphql/subgraph-context.js';
import { apolloRequestHandler } from './http/apollo-request-handler.js';
import { createMetrics } from './http/metrics.js';
import { startServiceHttpServer, type RunningHttpServer } from './http/service-http-server.js';

export interface StartSubgraphOptions<Context extends SubgraphContext> {
  name: string;
  schema: GraphQLSchema;
  host: string;
  port: number;
  production: boolean;
  internalSecret: string;
  logger: Logger;
  isReady: () => Promise<boolean>;
  /** Adds per-request resources (e.g. a forked EntityManager) to the base context. */
  extendContext: (base: SubgraphContext) => Context;
}

/** Serves a subgraph schema on `/graphql` beside `/health`, `/ready` and `/metrics`. */
export async function startSubgraph<Context extends SubgraphContext>(
  options: StartSubgraphOptions<Context>,
): Promise<{ http: RunningHttpServer; stop: () => Promise<void> }> {
  const apollo = new ApolloServer<Context>({
    schema: options.schema,
    introspection: !options.production,
    includeStacktraceInErrorResponses: !options.production,
    formatError: createErrorFormatter(options.production, (error) =>
      options.logger.error({ err: error }, 'unexpected error in resolver'),
    ),
    // Inline traces are for Apollo's hosted studio; nothing here reads them.
    plugins: [ApolloServerPluginLandingPageDisabled(), ApolloServerPluginInlineTraceDisabled()],
  });
  await apollo.start();
  const baseContext = createSubgraphContextFactory(options.internalSecret, options.logger);
  const http = await startServiceHttpServer({
    host: options.host,
    port: options.port,
    logger: options.logger,
    metrics: createMetrics(options.name),
    isReady: options.isReady,
    routes: {
      '/graphql': apolloRequestHandler(
        apollo,
        async (req) => options.extendContext(await baseContext(req)),
        1_000_000,
      ),
    },
  });
  return {
    http,
    stop: async () => {
      await http.close();
      await apollo.stop();
    },
  };
}
