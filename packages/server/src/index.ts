import 'reflect-metadata';

export {
  buildFederatedSubgraph,
  DateTimeScalar,
  SafeIntScalar,
  JSONScalar,
  type SubgraphSchema,
} from './graphql/build-subgraph-schema.js';
export { gatewayServedPubSub, refuseSubscription } from './graphql/gateway-served-subscriptions.js';
export { PageInfo } from './graphql/page-info.type.js';
export { emitSubgraphSchema } from './graphql/emit-subgraph-schema.js';
export { createErrorFormatter, type ErrorFormatterOptions } from './graphql/format-error.js';
export { inputGuardPlugin } from './graphql/input-guard.plugin.js';
export { findInputProblem, type InputProblem } from './graphql/input-values.js';
export { textProblem } from './graphql/storable-text.js';
export {
  createSubgraphContextFactory,
  requireUser,
  type SubgraphContext,
} from './graphql/subgraph-context.js';
export {
  apolloRequestHandler,
  sendJson,
  type IncomingOperation,
  type RequestHandler,
} from './http/apollo-request-handler.js';
export { readBody, BodyTooLargeError } from './http/read-body.js';
export { createMetrics, type Metrics } from './http/metrics.js';
export {
  startServiceHttpServer,
  type RunningHttpServer,
  type ServiceHttpServerOptions,
} from './http/service-http-server.js';
export { closeOnSignals } from './shutdown.js';
export { startSubgraph, type StartSubgraphOptions } from './start-subgraph.js';
