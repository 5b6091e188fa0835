import { parseConfig, type ScraperConfig } from '../../src/config.js';

/** Fast, strict settings for scraping the local fixture site. */
export function fixtureConfig(
  baseUrl: string,
  outputDir: string,
  overrides: Record<string, string> = {},
): ScraperConfig {
  return parseConfig({ ...FIXTURE_ENV, BASE_URL: baseUrl, OUTPUT_DIR: outputDir, ...overrides });
}

export const FIXTURE_ENV: Record<string, string> = {
  REQUESTS_PER_SECOND: '50',
  CONCURRENCY: '6',
  REQUEST_TIMEOUT_MS: '1500',
  RETRIES: '1',
  RETRY_BASE_MS: '50',
  MAX_IMAGE_BYTES: '200000',
  SETTLE_MS: '600',
  SCROLL_DELAY_MS: '120',
};
