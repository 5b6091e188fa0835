import { availableParallelism, tmpdir } from 'node:os';
import { z } from 'zod';
import { envFields, loadConfig } from '@mymeet/core';

const MiB = 1024 * 1024;

const schema = z
  .object({
    NODE_ENV: envFields.nodeEnv(),
    LOG_LEVEL: envFields.logLevel(),
    ASR_WORKER_HOST: envFields.host(),
    ASR_WORKER_PORT: envFields.port(4101),
    NATS_URL: z.string().min(1).default('nats://127.0.0.1:4222'),

    S3_ENDPOINT: envFields.url(['http', 'https']).optional(),
    S3_REGION: z.string().min(1).default('us-east-1'),
    S3_ACCESS_KEY_ID: z.string().min(1).optional(),
    S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
    S3_FORCE_PATH_STYLE: z.enum(['true', 'false', '1', '0']).optional(),
    S3_BUCKET: z
      .string()
      .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'must be a valid S3 bucket name')
      .default('mymeet-media'),
    /** Lifetime of the presigned GET that ffmpeg reads the recording through. */
    ASR_SOURCE_URL_TTL_SECONDS: z.coerce.number().int().min(30).max(86_400).default(600),

    ASR_ENGINE: z.enum(['pocketsphinx', 'whisper', 'openai']).default('pocketsphinx'),
    /** Language assumed when the job names none (PocketSphinx; Whisper detects it instead). */
    ASR_DEFAULT_LANGUAGE: z.string().min(2).default('en'),
    /** Chunks transcribed at once (engine processes); the cores by default. */
    ASR_CONCURRENCY: envFields.positiveInt(availableParallelism()),
    ASR_MAX_CHUNK_SECONDS: z.coerce.number().min(5).max(120).default(30),
    /** A pause at least this long ends a chunk. */
    ASR_MIN_SILENCE_SECONDS: z.coerce.number().min(0.1).max(5).default(0.4),
    /** 10 ms frames quieter than this (dBFS, RMS) are silence even in a recording without background noise. */
    ASR_SILENCE_THRESHOLD_DB: z.coerce.number().min(-90).max(-10).default(-50),
    ASR_TEMP_DIR: z.string().min(1).default(tmpdir()),
    /** Local disk one job may use for its decoded audio (16 kHz mono PCM is 115 MB an hour). */
    ASR_TEMP_BUDGET_BYTES: z.coerce
      .number()
      .int()
      .positive()
      .default(2048 * MiB),
    /** The longest one attempt may run before it is aborted and retried (a 3-hour meeting included). */
    ASR_JOB_TIMEOUT_SECONDS: z.coerce
      .number()
      .int()
      .min(10)
      .default(3 * 3600),
    ASR_MAX_DELIVER: z.coerce.number().int().min(1).max(20).default(4),
    FFMPEG_PATH: z.string().min(1).default('ffmpeg'),

    POCKETSPHINX_BATCH_PATH: z.string().min(1).default('pocketsphinx_batch'),
    POCKETSPHINX_MODEL_DIR: z.string().min(1).default('/usr/share/pocketsphinx/model/en-us'),
    /**
     * Decoder flags (see the README's tuning table). `-lw 5` (PocketSphinx's own is 6.5) gave the lowest
     * word error rate on clean, fast/slow and quietly noisy speech and the same on LibriVox.
     */
    POCKETSPHINX_ARGS: z.string().default('-lw 5'),
    /** Audio seconds handed to one decoder process (its model load is paid once per batch). */
    POCKETSPHINX_BATCH_SECONDS: z.coerce.number().min(10).max(600).default(90),

    WHISPER_MODEL: z.string().min(1).optional(),
    /** Threads of one whisper.cpp run; concurrency × threads should not exceed the cores. */
    WHISPER_THREADS: envFields.positiveInt(1),
    /** A chunk that takes longer than this kills the whisper child (bindings can hang on native errors). */
    WHISPER_CHUNK_TIMEOUT_SECONDS: z.coerce.number().int().min(5).default(300),

    /** Who tells the voices of a mixed recording apart: the project's own, sherpa-onnx with your models, or nobody. */
    DIARIZER: z.enum(['offline', 'sherpa-onnx', 'none']).default('offline'),
    /** Recordings with several channels: one speaker per channel when they carry different voices, always, or never. */
    DIARIZATION_CHANNELS: z.enum(['auto', 'always', 'never']).default('auto'),
    DIARIZATION_SEGMENTATION_MODEL: z.string().min(1).optional(),
    DIARIZATION_EMBEDDING_MODEL: z.string().min(1).optional(),
    /** sherpa-onnx clustering: cosine distance under which two clusters are one voice. */
    DIARIZATION_THRESHOLD: z.coerce.number().min(0.05).max(2).default(0.5),
    DIARIZATION_THREADS: envFields.positiveInt(1),
    FFPROBE_PATH: z.string().min(1).default('ffprobe'),

    ASR_API_URL: envFields.url(['http', 'https']).optional(),
    ASR_API_KEY: z.string().min(1).optional(),
    ASR_MODEL: z.string().min(1).default('whisper-1'),
    ASR_API_TIMEOUT_SECONDS: z.coerce.number().int().min(5).default(300),
  })
  .superRefine((env, ctx) => {
    if (Boolean(env.S3_ACCESS_KEY_ID) !== Boolean(env.S3_SECRET_ACCESS_KEY)) {
      ctx.addIssue({
        code: 'custom',
        path: [env.S3_ACCESS_KEY_ID ? 'S3_SECRET_ACCESS_KEY' : 'S3_ACCESS_KEY_ID'],
        message: 'set both S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY, or neither (default AWS credentials)',
      });
    }
    if (env.ASR_ENGINE === 'whisper' && !env.WHISPER_MODEL)
      ctx.addIssue({
        code: 'custom',
        path: ['WHISPER_MODEL'],
        message: 'ASR_ENGINE=whisper needs the path of a ggml model file (e.g. ggml-base.bin)',
      });
    if (env.DIARIZER === 'sherpa-onnx') {
      for (const variable of ['DIARIZATION_SEGMENTATION_MODEL', 'DIARIZATION_EMBEDDING_MODEL'] as const) {
        if (!env[variable])
          ctx.addIssue({
            code: 'custom',
            path: [variable],
            message: `DIARIZER=sherpa-onnx needs the path of ${
              variable === 'DIARIZATION_SEGMENTATION_MODEL'
                ? 'a pyannote segmentation model (model.onnx)'
                : 'a speaker embedding model (.onnx)'
            }`,
          });
      }
    }
    if (env.ASR_ENGINE === 'openai' && !env.ASR_API_URL)
      ctx.addIssue({
        code: 'custom',
        path: ['ASR_API_URL'],
        message:
          'ASR_ENGINE=openai needs the base URL of an OpenAI-compatible API (e.g. https://api.openai.com)',
      });
  })
  .transform((env) => ({
    production: env.NODE_ENV === 'production',
    logLevel: env.LOG_LEVEL,
    host: env.ASR_WORKER_HOST,
    port: env.ASR_WORKER_PORT,
    natsUrl: env.NATS_URL,
    s3: {
      endpoint: env.S3_ENDPOINT,
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
      urlTtlSeconds: env.ASR_SOURCE_URL_TTL_SECONDS,
    },
    job: {
      timeoutMs: env.ASR_JOB_TIMEOUT_SECONDS * 1000,
      maxDeliver: env.ASR_MAX_DELIVER,
    },
    audio: {
      ffmpegPath: env.FFMPEG_PATH,
      tempDir: env.ASR_TEMP_DIR,
      tempBudgetBytes: env.ASR_TEMP_BUDGET_BYTES,
      maxChunkSeconds: env.ASR_MAX_CHUNK_SECONDS,
      minSilenceSeconds: env.ASR_MIN_SILENCE_SECONDS,
      silenceThresholdDb: env.ASR_SILENCE_THRESHOLD_DB,
    },
    engine: env.ASR_ENGINE,
    diarization: {
      diarizer: env.DIARIZER,
      channels: env.DIARIZATION_CHANNELS,
      ffprobePath: env.FFPROBE_PATH,
      sherpaOnnx: {
        segmentationModel: env.DIARIZATION_SEGMENTATION_MODEL,
        embeddingModel: env.DIARIZATION_EMBEDDING_MODEL,
        threshold: env.DIARIZATION_THRESHOLD,
        threads: env.DIARIZATION_THREADS,
      },
    },
    defaultLanguage: env.ASR_DEFAULT_LANGUAGE,
    concurrency: env.ASR_CONCURRENCY,
    pocketsphinx: {
      binary: env.POCKETSPHINX_BATCH_PATH,
      modelDir: env.POCKETSPHINX_MODEL_DIR,
      extraArgs: env.POCKETSPHINX_ARGS.split(/\s+/).filter(Boolean),
      batchSeconds: env.POCKETSPHINX_BATCH_SECONDS,
    },
    whisper: {
      modelPath: env.WHISPER_MODEL,
      threads: env.WHISPER_THREADS,
      chunkTimeoutMs: env.WHISPER_CHUNK_TIMEOUT_SECONDS * 1000,
    },
    api: {
      url: env.ASR_API_URL,
      apiKey: env.ASR_API_KEY,
      model: env.ASR_MODEL,
      timeoutMs: env.ASR_API_TIMEOUT_SECONDS * 1000,
    },
  }));

export type AsrConfig = z.output<typeof schema>;

export function loadAsrConfig(env: Record<string, string | undefined> = process.env): AsrConfig {
  return loadConfig(schema, env);
}
