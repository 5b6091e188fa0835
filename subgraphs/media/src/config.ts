import { z } from 'zod';
import { envFields, loadConfig } from '@mymeet/core';
import { serviceDatabaseUrl } from '@mymeet/database';
import { parseAllowedHosts, type AllowedHosts } from './outbound/allowed-hosts.js';
import { S3_LIMITS } from './services/uploads/upload.policy.js';

const MiB = 1024 * 1024;
const GiB = 1024 * MiB;

const bytes = (fallback: number) =>
  z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).default(fallback);

const portList = z
  .string()
  .default('80,443')
  .transform((text) => text.split(',').map((part) => Number(part.trim())))
  .refine((ports) => ports.length > 0 && ports.every((p) => Number.isInteger(p) && p > 0 && p < 65536), {
    message: 'must be a comma-separated list of ports, e.g. 80,443',
  });

const allowedHosts = z
  .string()
  .default('')
  .transform((text, ctx): AllowedHosts => {
    try {
      return parseAllowedHosts(text);
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: (error as Error).message });
      return z.NEVER;
    }
  });

const seconds = (fallback: number, min = 1) => z.coerce.number().min(min).default(fallback);

const secondsList = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .transform((text) => text.split(',').map((part) => Number(part.trim()) * 1000))
    .refine((delays) => delays.length > 0 && delays.every((d) => Number.isFinite(d) && d >= 0), {
      message: 'must be a comma-separated list of seconds, e.g. 5,30,120',
    });

const schema = z
  .object({
    NODE_ENV: envFields.nodeEnv(),
    LOG_LEVEL: envFields.logLevel(),
    MEDIA_HOST: envFields.host(),
    MEDIA_PORT: envFields.port(4002),
    DATABASE_URL: envFields
      .url(['postgres', 'postgresql'])
      .default('postgres://postgres@127.0.0.1:5432/postgres'),
    MEDIA_DATABASE_URL: envFields.url(['postgres', 'postgresql']).optional(),
    NATS_URL: z.string().min(1).default('nats://127.0.0.1:4222'),
    INTERNAL_SECRET: envFields.secret(),
    /** Durable consumer names start with this; instances of one deployment share it. */
    MEDIA_CONSUMER_PREFIX: z
      .string()
      .regex(/^[A-Za-z0-9_-]+$/)
      .default('media'),
    /** `new` makes new durable event consumers skip the event history (tests); `all` replays it. */
    MEDIA_CONSUMER_START: z.enum(['all', 'new']).default('all'),

    S3_ENDPOINT: envFields.url(['http', 'https']).optional(),
    S3_PUBLIC_ENDPOINT: envFields.url(['http', 'https']).optional(),
    S3_REGION: z.string().min(1).default('us-east-1'),
    S3_ACCESS_KEY_ID: z.string().min(1).optional(),
    S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
    S3_FORCE_PATH_STYLE: z.enum(['true', 'false', '1', '0']).optional(),
    S3_BUCKET: z
      .string()
      .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'must be a valid S3 bucket name')
      .default('mymeet-media'),

    MEDIA_MAX_UPLOAD_BYTES: bytes(4 * GiB),
    MEDIA_SINGLE_PUT_MAX_BYTES: bytes(64 * MiB).refine(
      (n) => n <= S3_LIMITS.maxSinglePut,
      'must be at most 5 GiB',
    ),
    MEDIA_PART_SIZE_BYTES: bytes(16 * MiB).refine(
      (n) => n >= S3_LIMITS.minPartSize && n <= S3_LIMITS.maxPartSize,
      'must be between 5 MiB (5242880) and 5 GiB',
    ),
    MEDIA_UPLOAD_URL_TTL_SECONDS: z.coerce
      .number()
      .int()
      .min(60)
      .max(7 * 24 * 3600)
      .default(3600),
    MEDIA_DOWNLOAD_URL_TTL_SECONDS: z.coerce
      .number()
      .int()
      .min(10)
      .max(7 * 24 * 3600)
      .default(900),
    MEDIA_ABANDONED_UPLOAD_HOURS: z.coerce.number().positive().default(24),
    MEDIA_SWEEP_INTERVAL_SECONDS: z.coerce.number().int().positive().default(600),
    MEDIA_MAX_DURATION_SECONDS: z.coerce
      .number()
      .positive()
      .default(8 * 3600),
    MEDIA_PROBE_TIMEOUT_MS: z.coerce.number().int().min(1000).default(120_000),
    FFPROBE_PATH: z.string().min(1).default('ffprobe'),
    FFMPEG_PATH: z.string().min(1).default('ffmpeg'),
    MEDIA_IMPORT_ALLOWED_PORTS: portList,
    MEDIA_IMPORT_MAX_BYTES: bytes(4 * GiB),
    /** API.md: the one way to let outbound requests reach a private `host:port`. */
    OUTBOUND_ALLOWED_HOSTS: allowedHosts,
    MEDIA_IMPORT_MAX_CONCURRENT_PER_USER: z.coerce.number().int().min(1).default(3),
    MEDIA_IMPORT_MIN_BYTES_PER_SECOND: z.coerce
      .number()
      .int()
      .min(1)
      .default(16 * 1024),
    MEDIA_IMPORT_THROUGHPUT_WINDOW_SECONDS: seconds(30, 0.1),
    MEDIA_IMPORT_MAX_SECONDS: seconds(3600),
    MEDIA_IMPORT_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(5),
    MEDIA_IMPORT_ATTEMPT_TIMEOUT_SECONDS: seconds(75 * 60),
    MEDIA_IMPORT_RETRY_SECONDS: secondsList('5,30,120'),
  })
  .superRefine((env, ctx) => {
    if (Boolean(env.S3_ACCESS_KEY_ID) !== Boolean(env.S3_SECRET_ACCESS_KEY)) {
      ctx.addIssue({
        code: 'custom',
        path: [env.S3_ACCESS_KEY_ID ? 'S3_SECRET_ACCESS_KEY' : 'S3_ACCESS_KEY_ID'],
        message: 'set both S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY, or neither (default AWS credentials)',
      });
    }
    if (env.MEDIA_MAX_UPLOAD_BYTES > S3_LIMITS.maxParts * S3_LIMITS.maxPartSize) {
      ctx.addIssue({
        code: 'custom',
        path: ['MEDIA_MAX_UPLOAD_BYTES'],
        message: 'exceeds what S3 can store in one object (10,000 parts of 5 GiB)',
      });
    }
  })
  .transform((env) => ({
    production: env.NODE_ENV === 'production',
    logLevel: env.LOG_LEVEL,
    host: env.MEDIA_HOST,
    port: env.MEDIA_PORT,
    databaseUrl: env.MEDIA_DATABASE_URL ?? serviceDatabaseUrl(env.DATABASE_URL, 'mymeet_media'),
    natsUrl: env.NATS_URL,
    internalSecret: env.INTERNAL_SECRET,
    consumerPrefix: env.MEDIA_CONSUMER_PREFIX,
    consumerStart: env.MEDIA_CONSUMER_START,
    s3: {
      endpoint: env.S3_ENDPOINT,
      publicEndpoint: env.S3_PUBLIC_ENDPOINT,
      region: env.S3_REGION,
      credentials:
        env.S3_ACCESS_KEY_ID && env.S3_SECRET_ACCESS_KEY
          ? { accessKeyId: env.S3_ACCESS_KEY_ID, secretAccessKey: env.S3_SECRET_ACCESS_KEY }
          : undefined,
      // MinIO and the local server need path-style addressing; AWS does not.
      forcePathStyle:
        env.S3_FORCE_PATH_STYLE === undefined
          ? env.S3_ENDPOINT !== undefined
          : env.S3_FORCE_PATH_STYLE === 'true' || env.S3_FORCE_PATH_STYLE === '1',
      bucket: env.S3_BUCKET,
    },
    uploads: {
      maxByteSize: env.MEDIA_MAX_UPLOAD_BYTES,
      singlePutMaxBytes: env.MEDIA_SINGLE_PUT_MAX_BYTES,
      preferredPartSize: env.MEDIA_PART_SIZE_BYTES,
      urlTtlSeconds: env.MEDIA_UPLOAD_URL_TTL_SECONDS,
      downloadUrlTtlSeconds: env.MEDIA_DOWNLOAD_URL_TTL_SECONDS,
      abandonedAfterHours: env.MEDIA_ABANDONED_UPLOAD_HOURS,
      sweepIntervalMs: env.MEDIA_SWEEP_INTERVAL_SECONDS * 1000,
    },
    probe: {
      maxDurationSeconds: env.MEDIA_MAX_DURATION_SECONDS,
      timeoutMs: env.MEDIA_PROBE_TIMEOUT_MS,
      ffprobePath: env.FFPROBE_PATH,
      ffmpegPath: env.FFMPEG_PATH,
    },
    imports: {
      allowedPorts: env.MEDIA_IMPORT_ALLOWED_PORTS,
      allowedHosts: env.OUTBOUND_ALLOWED_HOSTS,
      maxBytes: env.MEDIA_IMPORT_MAX_BYTES,
      maxConcurrentPerUser: env.MEDIA_IMPORT_MAX_CONCURRENT_PER_USER,
      minBytesPerSecond: env.MEDIA_IMPORT_MIN_BYTES_PER_SECOND,
      throughputWindowMs: Math.round(env.MEDIA_IMPORT_THROUGHPUT_WINDOW_SECONDS * 1000),
      totalTimeoutMs: env.MEDIA_IMPORT_MAX_SECONDS * 1000,
      /** The job: attempts, the longest one attempt may take (fetch + validation), delays between. */
      attempts: env.MEDIA_IMPORT_ATTEMPTS,
      attemptTimeoutMs: env.MEDIA_IMPORT_ATTEMPT_TIMEOUT_SECONDS * 1000,
      retryDelaysMs: env.MEDIA_IMPORT_RETRY_SECONDS,
    },
  }));

export type MediaConfig = z.output<typeof schema>;

export function loadMediaConfig(env: Record<string, string | undefined> = process.env): MediaConfig {
  return loadConfig(schema, env);
}
