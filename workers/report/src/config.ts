import { z } from 'zod';
import { envFields, loadConfig } from '@mymeet/core';

const schema = z
  .object({
    NODE_ENV: envFields.nodeEnv(),
    LOG_LEVEL: envFields.logLevel(),
    REPORT_WORKER_HOST: envFields.host(),
    REPORT_WORKER_PORT: envFields.port(4102),
    NATS_URL: z.string().min(1).default('nats://127.0.0.1:4222'),

    /** extractive: offline, no model (the default); openai: any OpenAI-compatible chat endpoint; ollama. */
    REPORT_ENGINE: z.enum(['extractive', 'openai', 'ollama']).default('extractive'),
    LLM_BASE_URL: envFields.url(['http', 'https']).optional(),
    LLM_API_KEY: z.string().min(1).optional(),
    LLM_MODEL: z.string().min(1).optional(),
    OLLAMA_BASE_URL: envFields.url(['http', 'https']).default('http://127.0.0.1:11434'),
    /** One model call; past it the call is aborted and retried with backoff. */
    LLM_TIMEOUT_SECONDS: z.coerce.number().positive().max(3_600).default(120),
    /** Retries of a call that timed out or met a transient error (429, 5xx, connection). */
    LLM_MAX_RETRIES: z.coerce.number().int().min(0).max(10).default(3),
    LLM_RETRY_BASE_MS: z.coerce.number().int().min(1).max(60_000).default(1_000),
    /** The model's context window: chunks are cut so that no prompt exceeds it. */
    LLM_CONTEXT_TOKENS: z.coerce.number().int().min(2_048).default(8_192),
    LLM_MAX_OUTPUT_TOKENS: z.coerce.number().int().min(256).default(2_048),
    /** Chunks summarised at once (map calls in flight). */
    LLM_CONCURRENCY: envFields.positiveInt(2),
    LLM_TEMPERATURE: z.coerce.number().min(0).max(2).default(0),

    /** Jobs handled at once by one instance. */
    REPORT_CONCURRENCY: envFields.positiveInt(2),
    REPORT_JOB_TIMEOUT_SECONDS: z.coerce
      .number()
      .int()
      .min(5)
      .default(30 * 60),
    REPORT_MAX_DELIVER: z.coerce.number().int().min(1).max(20).default(3),
    /** How long one page of segments may take the transcripts service to answer. */
    REPORT_SEGMENTS_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
  })
  .superRefine((env, ctx) => {
    if (env.REPORT_ENGINE !== 'extractive' && !env.LLM_MODEL)
      ctx.addIssue({
        code: 'custom',
        path: ['LLM_MODEL'],
        message: `REPORT_ENGINE=${env.REPORT_ENGINE} needs the model's name (e.g. gpt-4o-mini, llama3.1:8b)`,
      });
    if (env.REPORT_ENGINE === 'openai' && !env.LLM_BASE_URL)
      ctx.addIssue({
        code: 'custom',
        path: ['LLM_BASE_URL'],
        message:
          'REPORT_ENGINE=openai needs the base URL of an OpenAI-compatible API (e.g. https://api.openai.com/v1)',
      });
    if (env.LLM_MAX_OUTPUT_TOKENS * 2 > env.LLM_CONTEXT_TOKENS)
      ctx.addIssue({
        code: 'custom',
        path: ['LLM_MAX_OUTPUT_TOKENS'],
        message: 'must be at most half of LLM_CONTEXT_TOKENS, or no transcript fits beside the answer',
      });
  })
  .transform((env) => ({
    production: env.NODE_ENV === 'production',
    logLevel: env.LOG_LEVEL,
    host: env.REPORT_WORKER_HOST,
    port: env.REPORT_WORKER_PORT,
    natsUrl: env.NATS_URL,
    engine: env.REPORT_ENGINE,
    llm: {
      provider: env.REPORT_ENGINE === 'ollama' ? ('ollama' as const) : ('openai' as const),
      baseUrl: env.REPORT_ENGINE === 'ollama' ? env.OLLAMA_BASE_URL : (env.LLM_BASE_URL ?? ''),
      apiKey: env.LLM_API_KEY,
      model: env.LLM_MODEL ?? '',
      timeoutMs: env.LLM_TIMEOUT_SECONDS * 1000,
      maxRetries: env.LLM_MAX_RETRIES,
      retryBaseMs: env.LLM_RETRY_BASE_MS,
      contextTokens: env.LLM_CONTEXT_TOKENS,
      maxOutputTokens: env.LLM_MAX_OUTPUT_TOKENS,
      concurrency: env.LLM_CONCURRENCY,
      temperature: env.LLM_TEMPERATURE,
    },
    job: {
      concurrency: env.REPORT_CONCURRENCY,
      timeoutMs: env.REPORT_JOB_TIMEOUT_SECONDS * 1000,
      maxDeliver: env.REPORT_MAX_DELIVER,
    },
    segmentsTimeoutMs: env.REPORT_SEGMENTS_TIMEOUT_MS,
  }));

export type ReportWorkerConfig = z.output<typeof schema>;
export type LlmConfig = ReportWorkerConfig['llm'];

export function loadReportWorkerConfig(
  env: Record<string, string | undefined> = process.env,
): ReportWorkerConfig {
  return loadConfig(schema, env);
}
