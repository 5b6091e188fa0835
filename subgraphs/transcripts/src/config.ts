import { z } from 'zod';
import { envFields, loadConfig } from '@mymeet/core';
import { serviceDatabaseUrl } from '@mymeet/database';

const schema = z
  .object({
    NODE_ENV: envFields.nodeEnv(),
    LOG_LEVEL: envFields.logLevel(),
    /** Stack traces and internal messages in GraphQL responses; never in production. */
    GRAPHQL_DEBUG: envFields.boolean(false),
    TRANSCRIPTS_HOST: envFields.host(),
    TRANSCRIPTS_PORT: envFields.port(4003),
    DATABASE_URL: envFields
      .url(['postgres', 'postgresql'])
      .default('postgres://postgres@127.0.0.1:5432/postgres'),
    TRANSCRIPTS_DATABASE_URL: envFields.url(['postgres', 'postgresql']).optional(),
    NATS_URL: z.string().min(1).default('nats://127.0.0.1:4222'),
    INTERNAL_SECRET: envFields.secret(),
    /** Durable consumer names start with this; instances of one deployment share it. */
    TRANSCRIPTS_CONSUMER_PREFIX: z
      .string()
      .regex(/^[A-Za-z0-9_-]+$/)
      .default('transcripts'),
    /** `new` makes new durable consumers skip the event history (tests); `all` replays it. */
    TRANSCRIPTS_CONSUMER_START: z.enum(['all', 'new']).default('all'),
    /** Worker events handled at once per instance (events of one transcript serialize on its row). */
    TRANSCRIPTS_EVENT_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
    /**
     * How long a run whose worker reported completion may wait for segments still in flight before
     * it fails with a reason naming the missing ones.
     */
    TRANSCRIPTS_MISSING_SEGMENTS_TIMEOUT_SECONDS: z.coerce.number().positive().default(300),
    TRANSCRIPTS_SWEEP_INTERVAL_SECONDS: z.coerce.number().positive().default(30),
    /** Which engine answers `searchTranscripts`: PostgreSQL full-text search, or Elasticsearch at ELASTICSEARCH_URL. */
    SEARCH_ENGINE: z.enum(['postgres', 'elasticsearch']).default('postgres'),
    ELASTICSEARCH_URL: envFields.url(['http', 'https']).optional(),
    ELASTICSEARCH_API_KEY: z.string().min(1).optional(),
    /** The index (an alias-free name); the template covers every index starting with it. */
    ELASTICSEARCH_INDEX: z
      .string()
      .regex(/^[a-z0-9][a-z0-9_-]*$/)
      .default('mymeet-transcripts'),
  })
  .refine((env) => env.SEARCH_ENGINE !== 'elasticsearch' || env.ELASTICSEARCH_URL !== undefined, {
    path: ['ELASTICSEARCH_URL'],
    message: 'required when SEARCH_ENGINE=elasticsearch',
  })
  .transform((env) => ({
    production: env.NODE_ENV === 'production',
    logLevel: env.LOG_LEVEL,
    graphqlDebug: env.GRAPHQL_DEBUG,
    host: env.TRANSCRIPTS_HOST,
    port: env.TRANSCRIPTS_PORT,
    databaseUrl: env.TRANSCRIPTS_DATABASE_URL ?? serviceDatabaseUrl(env.DATABASE_URL, 'mymeet_transcripts'),
    natsUrl: env.NATS_URL,
    internalSecret: env.INTERNAL_SECRET,
    consumerPrefix: env.TRANSCRIPTS_CONSUMER_PREFIX,
    consumerStart: env.TRANSCRIPTS_CONSUMER_START,
    eventConcurrency: env.TRANSCRIPTS_EVENT_CONCURRENCY,
    missingSegmentsTimeoutMs: env.TRANSCRIPTS_MISSING_SEGMENTS_TIMEOUT_SECONDS * 1000,
    sweepIntervalMs: env.TRANSCRIPTS_SWEEP_INTERVAL_SECONDS * 1000,
    search: {
      engine: env.SEARCH_ENGINE,
      elasticsearch: env.ELASTICSEARCH_URL
        ? { url: env.ELASTICSEARCH_URL, apiKey: env.ELASTICSEARCH_API_KEY, index: env.ELASTICSEARCH_INDEX }
        : null,
    },
  }));

export type TranscriptsConfig = z.output<typeof schema>;

export function loadTranscriptsConfig(
  env: Record<string, string | undefined> = process.env,
): TranscriptsConfig {
  return loadConfig(schema, env);
}
