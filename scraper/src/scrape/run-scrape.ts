import { existsSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { AGENT_TOKEN, launchBrowser, type BrowserSession } from '../browser/launch-browser.js';
import type { ScraperConfig } from '../config.js';
import { PoliteFetcher } from '../fetch/polite-fetcher.js';
import { RateLimiter } from '../fetch/rate-limiter.js';
import { RobotsGate } from '../fetch/robots-gate.js';
import type { Progress } from '../progress.js';
import { ImageStore } from '../sinks/image-store.js';
import {
  composeManifest,
  MANIFEST_FILE,
  writeManifest,
  type Failure,
  type PageEntry,
  type RunRecord,
} from '../sinks/manifest.js';
import { TextStore } from '../sinks/text-store.js';
import { downloadImages } from './image-downloader.js';
import { PageLoadError } from './page-scraper.js';
import { scrapePages } from './scrape-pages.js';

export interface ScrapeSummary {
  outputDir: string;
  manifestPath: string;
  pages: PageEntry[];
  images: number;
  bytes: number;
  duplicates: number;
  failures: Failure[];
  skipped: number;
  durationMs: number;
}

/** The whole run: main page (and optional crawl), then images, then the manifest. Throws PageLoadError if the main page fails. */
export async function runScrape(config: ScraperConfig, progress: Progress): Promise<ScrapeSummary> {
  const started = new Date();
  const outputDir = resolve(config.OUTPUT_DIR);
  await prepareOutput(outputDir, config.CLEAN_OUTPUT, progress);
  const record = async (run: Omit<RunRecord, 'baseUrl' | 'started'>) => {
    const manifest = composeManifest({ baseUrl: config.BASE_URL, started, ...run });
    return { manifest, path: await writeManifest(outputDir, manifest) };
  };
  // Written first so the folder is recognisably ours (CLEAN_OUTPUT only empties folders that hold a manifest).
  await record({ pages: [], images: [], failures: [], skipped: 0 });
  const limiter = new RateLimiter(config.REQUESTS_PER_SECOND);
  progress.info(`launching Chromium (${config.CHROMIUM_PATH})`);
  const session = await launchBrowser({
    executablePath: config.CHROMIUM_PATH,
    viewport: { width: config.VIEWPORT_WIDTH, height: config.VIEWPORT_HEIGHT },
    ...(config.USER_AGENT ? { userAgent: config.USER_AGENT } : {}),
  });
  try {
    const fetcher = new PoliteFetcher(
      {
        userAgent: session.userAgent,
        timeoutMs: config.REQUEST_TIMEOUT_MS,
        retries: config.RETRIES,
        retryBaseMs: config.RETRY_BASE_MS,
        maxBytes: config.MAX_IMAGE_BYTES,
      },
      limiter,
      (url) => cookieHeader(session, url),
    );
    const robots = new RobotsGate(config.RESPECT_ROBOTS, AGENT_TOKEN, fetcher, limiter);
    const texts = new TextStore(join(outputDir, 'text'));
    const { pages, references, failures } = await scrapePages(
      config,
      session,
      robots,
      limiter,
      texts,
      progress,
    ).catch(async (error: unknown) => {
      if (error instanceof PageLoadError) {
        const failure: Failure = {
          url: config.BASE_URL,
          kinds: ['page'],
          page: config.BASE_URL,
          reason: error.message,
        };
        await record({ pages: [], images: [], failures: [failure], skipped: 0 });
      }
      throw error;
    });
    const kept = references.slice(0, config.MAX_IMAGES);
    const skipped = references.length - kept.length;
    if (skipped > 0)
      progress.warn(`MAX_IMAGES=${config.MAX_IMAGES}: skipping ${skipped} more image references`);
    progress.info(`downloading ${kept.length} image references`);
    const store = new ImageStore(join(outputDir, 'images'));
    failures.push(...(await downloadImages(kept, { fetcher, robots, store, progress }, config.CONCURRENCY)));
    const { manifest, path } = await record({ pages, images: store.images(), failures, skipped });
    const { summary, durationMs } = manifest;
    return {
      outputDir,
      manifestPath: path,
      pages,
      images: summary.images,
      bytes: summary.bytes,
      duplicates: summary.duplicates,
      failures,
      skipped,
      durationMs,
    };
  } finally {
    await session.browser.close().catch(() => undefined);
  }
}

async function prepareOutput(outputDir: string, clean: boolean, progress: Progress): Promise<void> {
  if (clean && existsSync(join(outputDir, MANIFEST_FILE))) {
    for (const entry of ['text', 'images', MANIFEST_FILE])
      await rm(join(outputDir, entry), { recursive: true, force: true });
  } else if (clean && (existsSync(join(outputDir, 'text')) || existsSync(join(outputDir, 'images')))) {
    progress.warn(
      `${outputDir} has text/ or images/ but no manifest.json: not emptying folders the scraper did not write`,
    );
  }
  await mkdir(join(outputDir, 'text'), { recursive: true });
  await mkdir(join(outputDir, 'images'), { recursive: true });
}

async function cookieHeader(session: BrowserSession, url: string): Promise<Record<string, string>> {
  try {
    const cookies = await session.context.cookies(url);
    return cookies.length > 0 ? { cookie: cookies.map((c) => `${c.name}=${c.value}`).join('; ') } : {};
  } catch {
    return {};
  }
}
