import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import type { GraphQLSchema } from 'graphql';
import type { Logger } from '@mymeet/core';
import { createErrorFormatter } from './graphql/format-error.js';
import { inputGuardPlugin } from './graphql/input-guard.plugin.js';
import { requireIdentityPlugin } from './graphql/require-identity.plugin.js';
import { createSubgraphContextFactory, type SubgraphContext } from './graphql/subgraph-context.js';
import { apolloRequestHandler } from './http/apollo-request-handler.js';
import { createMetrics } from './http/metrics.js';
import { startServiceHttpServer, type RunningHttpServer } from './http/service-http-server.js';

export interface StartSubgraphOptions<Context extends SubgraphContext> {
  name: string;
  schema: GraphQLSchema;
  /** The part of a subgraph's config this needs; pass the whole config. */
  config: {
    host: string;
    port: number;
    production: boolean;
    internalSecret: string;
    /** Stack traces and internal messages in responses (`GRAPHQL_DEBUG`); off when absent. */
    graphqlDebug?: boolean;
  };
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
    introspection: !options.config.production,
    includeStacktraceInErrorResponses: options.config.graphqlDebug === true,
    hideSchemaDetailsFromClientErrors: options.config.production,
    formatError: createErrorFormatter({
      debug: options.config.graphqlDebug === true,
      hideSuggestions: options.config.production,
      logger: options.logger,
    }),
    // Inline traces are for Apollo's hosted studio; nothing here reads them.
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      requireIdentityPlugin(),
      inputGuardPlugin(),
    ],
  });
  await apollo.start();
  const baseContext = createSubgraphContextFactory(
    options.config.internalSecret,
    options.name,
    options.logger,
  );
  const http = await startServiceHttpServer({
    host: options.config.host,
    port: options.config.port,
    logger: options.logger,
    metrics: createMetrics(options.name),
    isReady: options.isReady,
    routes: {
      '/graphql': apolloRequestHandler(
        apollo,
        async (req, operation) => options.extendContext(await baseContext(req, operation)),
        1_000_000,
      ),
    },
  });
  options.logger.info({ url: `${http.url}/graphql` }, `${options.name} subgraph ready`);
  return {
    http,
    stop: async () => {
      await http.close();
      await apollo.stop();
    },
  };
}
