import { z } from 'zod';
import { isAllowedJwksUrl } from '@mymeet/auth';
import { envFields, loadConfig } from '@mymeet/core';

const schema = z
  .object({
    NODE_ENV: envFields.nodeEnv(),
    LOG_LEVEL: envFields.logLevel(),
    GRAPHQL_DEBUG: envFields.boolean(false),
    GATEWAY_HOST: envFields.host(),
    GATEWAY_PORT: envFields.port(4000),
    GATEWAY_METRICS_HOST: envFields.host(),
    /** Unset: the gateway serves no metrics (its main port is public). */
    GATEWAY_METRICS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
    SUPERGRAPH_PATH: z.string().min(1).default('supergraph.graphql'),
    /** How often the supergraph file is checked for a new composition (0: never reload). */
    SUPERGRAPH_POLL_MS: z.coerce.number().int().min(0).default(2_000),
    NATS_URL: z.string().min(1).default('nats://127.0.0.1:4222'),
    SUBSCRIPTION_MAX_CONNECTIONS_PER_USER: envFields.positiveInt(20),
    SUBSCRIPTION_MAX_PER_CONNECTION: envFields.positiveInt(20),
    SUBSCRIPTION_KEEPALIVE_MS: envFields.positiveInt(12_000),
    SUBSCRIPTION_MERGE_AFTER_MS: envFields.positiveInt(1_000),
    SUBSCRIPTION_MAX_BACKLOG: envFields.positiveInt(500),
    SUBSCRIPTION_HISTORY_PER_MEETING: envFields.positiveInt(20_000),
    SUBSCRIPTION_TOPIC_LINGER_MS: z.coerce.number().int().min(0).default(30_000),
    JWT_SECRET: envFields.secret().optional(),
    JWT_JWKS_URL: envFields
      .url(['https', 'http'])
      .refine(isAllowedJwksUrl, 'must be an https URL (http only for a loopback address)')
      .optional(),
    JWT_ISSUER: z.string().min(1).optional(),
    JWT_AUDIENCE: z.string().min(1).optional(),
    INTERNAL_SECRET: envFields.secret(),
    MAX_QUERY_DEPTH: envFields.positiveInt(10),
    MAX_QUERY_TOKENS: envFields.positiveInt(2_000),
    MAX_QUERY_ALIASES: envFields.positiveInt(30),
    MAX_ROOT_FIELDS: envFields.positiveInt(20),
    MAX_QUERY_DIRECTIVES: envFields.positiveInt(50),
    MAX_QUERY_COST: envFields.positiveInt(5_000),
    MAX_BODY_BYTES: envFields.positiveInt(100_000),
    RATE_LIMIT_PER_MINUTE: envFields.positiveInt(600),
    /** Per-subgraph URL overrides, e.g. MEETINGS_SUBGRAPH_URL, for containers and clusters. */
    MEETINGS_SUBGRAPH_URL: envFields.url(['http', 'https']).optional(),
    MEDIA_SUBGRAPH_URL: envFields.url(['http', 'https']).optional(),
    TRANSCRIPTS_SUBGRAPH_URL: envFields.url(['http', 'https']).optional(),
    REPORTS_SUBGRAPH_URL: envFields.url(['http', 'https']).optional(),
  })
  .refine((env) => env.JWT_SECRET || env.JWT_JWKS_URL, {
    message: 'set JWT_SECRET (HS256) or JWT_JWKS_URL (OIDC provider)',
    path: ['JWT_SECRET'],
  })
  // Without both, a token any tenant of the same provider obtained for any application would do.
  .refine((env) => !(env.NODE_ENV === 'production' && env.JWT_JWKS_URL && !env.JWT_ISSUER), {
    message: 'required with JWT_JWKS_URL in production',
    path: ['JWT_ISSUER'],
  })
  .refine((env) => !(env.NODE_ENV === 'production' && env.JWT_JWKS_URL && !env.JWT_AUDIENCE), {
    message: 'required with JWT_JWKS_URL in production',
    path: ['JWT_AUDIENCE'],
  })
  .transform((env) => ({
    production: env.NODE_ENV === 'production',
    logLevel: env.LOG_LEVEL,
    graphqlDebug: env.GRAPHQL_DEBUG,
    host: env.GATEWAY_HOST,
    port: env.GATEWAY_PORT,
    metrics:
      env.GATEWAY_METRICS_PORT === undefined
        ? undefined
        : { host: env.GATEWAY_METRICS_HOST, port: env.GATEWAY_METRICS_PORT },
    supergraphPath: env.SUPERGRAPH_PATH,
    supergraphPollMs: env.SUPERGRAPH_POLL_MS,
    natsUrl: env.NATS_URL,
    subscriptions: {
      maxConnectionsPerUser: env.SUBSCRIPTION_MAX_CONNECTIONS_PER_USER,
      maxSubscriptionsPerConnection: env.SUBSCRIPTION_MAX_PER_CONNECTION,
      keepAliveMs: env.SUBSCRIPTION_KEEPALIVE_MS,
      mergeAfterMs: env.SUBSCRIPTION_MERGE_AFTER_MS,
      maxBacklog: env.SUBSCRIPTION_MAX_BACKLOG,
      historyPerMeeting: env.SUBSCRIPTION_HISTORY_PER_MEETING,
      topicLingerMs: env.SUBSCRIPTION_TOPIC_LINGER_MS,
    },
    jwt: env.JWT_JWKS_URL
      ? {
          kind: 'jwks' as const,
          jwksUrl: env.JWT_JWKS_URL,
          issuer: env.JWT_ISSUER,
          audience: env.JWT_AUDIENCE,
        }
      : {
          kind: 'hs256' as const,
          secret: env.JWT_SECRET as string,
          issuer: env.JWT_ISSUER,
          audience: env.JWT_AUDIENCE,
        },
    internalSecret: env.INTERNAL_SECRET,
    limits: {
      maxDepth: env.MAX_QUERY_DEPTH,
      maxTokens: env.MAX_QUERY_TOKENS,
      maxAliases: env.MAX_QUERY_ALIASES,
      maxRootFields: env.MAX_ROOT_FIELDS,
      maxDirectives: env.MAX_QUERY_DIRECTIVES,
      maxCost: env.MAX_QUERY_COST,
      maxBodyBytes: env.MAX_BODY_BYTES,
      requestsPerMinute: env.RATE_LIMIT_PER_MINUTE,
    },
    subgraphUrls: {
      meetings: env.MEETINGS_SUBGRAPH_URL,
      media: env.MEDIA_SUBGRAPH_URL,
      transcripts: env.TRANSCRIPTS_SUBGRAPH_URL,
      reports: env.REPORTS_SUBGRAPH_URL,
    } as Record<string, string | undefined>,
  }));

export type GatewayConfig = z.output<typeof schema>;

export function loadGatewayConfig(env: Record<string, string | undefined> = process.env): GatewayConfig {
  return loadConfig(schema, env);
}
