import { z } from 'zod';

const int = (min: number, max: number, fallback: number) =>
  z.coerce.number().int().min(min).max(max).default(fallback);
const positive = (fallback: number) => z.coerce.number().positive().default(fallback);
const bool = (fallback: boolean) => z.stringbool().default(fallback);

const schema = z.object({
  BASE_URL: z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }).default('https://mymeet.ai/'),
  OUTPUT_DIR: z.string().min(1).default('./output'),
  CHROMIUM_PATH: z.string().min(1).default('/usr/bin/chromium'),
  USER_AGENT: z.string().min(1).optional(),
  RESPECT_ROBOTS: bool(true),
  REQUESTS_PER_SECOND: positive(4),
  CONCURRENCY: int(1, 32, 4),
  MAX_IMAGE_BYTES: int(1, 1024 * 1024 * 1024, 20 * 1024 * 1024),
  MAX_IMAGES: int(1, 100_000, 1000),
  REQUEST_TIMEOUT_MS: int(100, 600_000, 15_000),
  PAGE_TIMEOUT_MS: int(1000, 600_000, 45_000),
  RETRIES: int(0, 10, 2),
  RETRY_BASE_MS: int(0, 60_000, 500),
  CRAWL_DEPTH: int(0, 10, 0),
  MAX_PAGES: int(1, 10_000, 20),
  CRAWL_IMAGES: bool(false),
  SCROLL_STEP_PX: int(50, 10_000, 700),
  SCROLL_DELAY_MS: int(0, 10_000, 250),
  MAX_SCROLL_STEPS: int(0, 10_000, 80),
  SETTLE_MS: int(0, 60_000, 1500),
  VIEWPORT_WIDTH: int(320, 7680, 1366),
  VIEWPORT_HEIGHT: int(240, 4320, 900),
  CLEAN_OUTPUT: bool(true),
});

export type ScraperConfig = z.infer<typeof schema>;

export class ConfigError extends Error {
  override name = 'ConfigError';
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Validates the environment; empty values count as unset so a blank `.env` line falls back to the default. */
export function parseConfig(env: Record<string, string | undefined>): ScraperConfig {
  const present = Object.fromEntries(
    Object.keys(schema.shape)
      .map((key) => [key, env[key]?.trim()] as const)
      .filter(([, value]) => value !== undefined && value !== ''),
  );
  const result = schema.safeParse(present);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const key = String(issue.path[0] ?? 'config');
    return `${key}: ${issue.message} (got ${JSON.stringify(present[key])})`;
  });
  throw new ConfigError(problems);
}
