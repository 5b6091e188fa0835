import { z } from 'zod';
import { envFields, loadConfig } from '@mymeet/core';
import { serviceDatabaseUrl } from '@mymeet/database';

const schema = z
  .object({
    NODE_ENV: envFields.nodeEnv(),
    LOG_LEVEL: envFields.logLevel(),
    /** Stack traces and internal messages in GraphQL responses; off unless asked for. */
    GRAPHQL_DEBUG: envFields.boolean(false),
    MEETINGS_HOST: envFields.host(),
    MEETINGS_PORT: envFields.port(4001),
    DATABASE_URL: envFields
      .url(['postgres', 'postgresql'])
      .default('postgres://postgres@127.0.0.1:5432/postgres'),
    MEETINGS_DATABASE_URL: envFields.url(['postgres', 'postgresql']).optional(),
    NATS_URL: z.string().min(1).default('nats://127.0.0.1:4222'),
    INTERNAL_SECRET: envFields.secret(),
    /** Durable consumer names start with this; instances of one deployment share it. */
    MEETINGS_CONSUMER_PREFIX: z
      .string()
      .regex(/^[A-Za-z0-9_-]+$/)
      .default('meetings'),
    /** `new` makes new durable consumers skip the event history (tests); `all` replays it. */
    MEETINGS_CONSUMER_START: z.enum(['all', 'new']).default('all'),
  })
  .transform((env) => ({
    production: env.NODE_ENV === 'production',
    graphqlDebug: env.GRAPHQL_DEBUG,
    logLevel: env.LOG_LEVEL,
    host: env.MEETINGS_HOST,
    port: env.MEETINGS_PORT,
    databaseUrl: env.MEETINGS_DATABASE_URL ?? serviceDatabaseUrl(env.DATABASE_URL, 'mymeet_meetings'),
    natsUrl: env.NATS_URL,
    internalSecret: env.INTERNAL_SECRET,
    consumerPrefix: env.MEETINGS_CONSUMER_PREFIX,
    consumerStart: env.MEETINGS_CONSUMER_START,
  }));

export type MeetingsConfig = z.output<typeof schema>;

export function loadMeetingsConfig(env: Record<string, string | undefined> = process.env): MeetingsConfig {
  return loadConfig(schema, env);
}
