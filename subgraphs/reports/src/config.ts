import { z } from 'zod';
import { envFields, loadConfig } from '@mymeet/core';
import { serviceDatabaseUrl } from '@mymeet/database';

const delays = z
  .string()
  .default('5000,30000,120000,600000')
  .transform((text) => text.split(',').map((part) => Number(part.trim())))
  .refine((list) => list.length > 0 && list.every((ms) => Number.isInteger(ms) && ms > 0), {
    message: 'must be a comma-separated list of milliseconds, e.g. 5000,30000',
  });

const schema = z
  .object({
    NODE_ENV: envFields.nodeEnv(),
    LOG_LEVEL: envFields.logLevel(),
    GRAPHQL_DEBUG: envFields.boolean(false),
    REPORTS_HOST: envFields.host(),
    REPORTS_PORT: envFields.port(4004),
    DATABASE_URL: envFields
      .url(['postgres', 'postgresql'])
      .default('postgres://postgres@127.0.0.1:5432/postgres'),
    REPORTS_DATABASE_URL: envFields.url(['postgres', 'postgresql']).optional(),
    NATS_URL: z.string().min(1).default('nats://127.0.0.1:4222'),
    INTERNAL_SECRET: envFields.secret(),
    /** Durable consumer names start with this; instances of one deployment share it. */
    REPORTS_CONSUMER_PREFIX: z
      .string()
      .regex(/^[A-Za-z0-9_-]+$/)
      .default('reports'),
    /** `new` makes new durable event consumers skip the event history (tests); `all` replays it. */
    REPORTS_CONSUMER_START: z.enum(['all', 'new']).default('all'),
    REPORTS_EVENT_CONCURRENCY: envFields.positiveInt(8),

    /** smtp://user:pass@host:587 or smtps://…:465; unset, mail goes to REPORTS_MAIL_DIR (or sendReport refuses). */
    SMTP_URL: envFields.url(['smtp', 'smtps']).optional(),
    SMTP_FROM: z.string().min(3).default('MyMeet <reports@mymeet.local>'),
    SMTP_TIMEOUT_MS: z.coerce.number().int().min(100).default(30_000),
    /** Local development without SMTP: each message is written there as an .eml file. */
    REPORTS_MAIL_DIR: z.string().min(1).optional(),
    /** Attempts of one delivery before it is FAILED; transient SMTP failures wait these delays in turn. */
    REPORTS_MAIL_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(5),
    REPORTS_MAIL_RETRY_DELAYS_MS: delays,
  })
  .transform((env) => ({
    production: env.NODE_ENV === 'production',
    logLevel: env.LOG_LEVEL,
    graphqlDebug: env.GRAPHQL_DEBUG,
    host: env.REPORTS_HOST,
    port: env.REPORTS_PORT,
    databaseUrl: env.REPORTS_DATABASE_URL ?? serviceDatabaseUrl(env.DATABASE_URL, 'mymeet_reports'),
    natsUrl: env.NATS_URL,
    internalSecret: env.INTERNAL_SECRET,
    consumerPrefix: env.REPORTS_CONSUMER_PREFIX,
    consumerStart: env.REPORTS_CONSUMER_START,
    eventConcurrency: env.REPORTS_EVENT_CONCURRENCY,
    mail: {
      smtpUrl: env.SMTP_URL,
      from: env.SMTP_FROM,
      timeoutMs: env.SMTP_TIMEOUT_MS,
      directory: env.REPORTS_MAIL_DIR,
      maxAttempts: env.REPORTS_MAIL_MAX_ATTEMPTS,
      retryDelaysMs: env.REPORTS_MAIL_RETRY_DELAYS_MS,
    },
  }));

export type ReportsConfig = z.output<typeof schema>;
export type MailConfig = ReportsConfig['mail'];

export function loadReportsConfig(env: Record<string, string | undefined> = process.env): ReportsConfig {
  return loadConfig(schema, env);
}
