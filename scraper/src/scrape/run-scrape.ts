import { mkdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { AGENT_TOKEN, launchBrowser, type BrowserSession } from '../browser/launch-browser.js';
import type { ScraperConfig } from '../config.js';
import { crawlSite } from '../crawl/site-crawler.js';
import type { ImageReference } from '../extract/reference-resolver.js';
import { PoliteFetcher } from '../fetch/polite-fetcher.js';
import { RateLimiter } from '../fetch/rate-limiter.js';
import { RobotsGate } from '../fetch/robots-gate.js';
import type { Progress } from '../progress.js';
import { ImageStore } from '../sinks/image-store.js';
import { MANIFEST_FILE, writeManifest, type Failure, type PageEntry } from '../sinks/manifest.js';
import { TextStore } from '../sinks/text-store.js';
import { downloadImages } from './image-downloader.js';
import { PageLoadError, scrapePage } from './page-scraper.js';

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
  await prepareOutput(outputDir, config.CLEAN_OUTPUT);
  const limiter = new RateLimiter(config.REQUESTS_PER_SECOND);
  progress.info(`launching Chromium (${config.CHROMIUM_PATH})`);
  const session = await launchBrowser({
    executablePath: config.CHROMIUM_PATH,
    viewport: { width: config.VIEWPORT_WIDTH, height: config.VIEWPORT_HEIGHT },
    ...(config.USER_AGENT ? { userAgent: config.USER_AGENT } : {}),
  });
  try {
    const fetcher = new PoliteFetcher(
      { userAgent: session.userAgent, timeoutMs: config.REQUEST_TIMEOUT_MS, retries: config.RETRIES, retryBaseMs: config.RETRY_BASE_MS, maxBytes: config.MAX_IMAGE_BYTES },
      limiter,
      (url) => cookieHeader(session, url),
    );
    const robots = new RobotsGate(config.RESPECT_ROBOTS, AGENT_TOKEN, fetcher, limiter);
    const { pages, references, failures } = await scrapePages(config, session, robots, limiter, new TextStore(join(outputDir, 'text')), progress);
    const kept = references.slice(0, config.MAX_IMAGES);
    const skipped = references.length - kept.length;
    if (skipped > 0) progress.warn(`MAX_IMAGES=${config.MAX_IMAGES}: skipping ${skipped} more image references`);
    progress.info(`downloading ${kept.length} image references`);
    const store = new ImageStore(join(outputDir, 'images'));
    failures.push(...(await downloadImages(kept, { fetcher, robots, store, progress }, config.CONCURRENCY)));
    const images = store.images();
    const finished = new Date();
    const bytes = images.reduce((sum, image) => sum + image.bytes, 0);
    const duplicates = images.reduce((sum, image) => sum + image.sources.length - 1, 0);
    const summary = { pages: pages.length, images: images.length, bytes, duplicates, failures: failures.length, skipped };
    const manifestPath = await writeManifest(outputDir, {
      baseUrl: config.BASE_URL,
      startedAt: started.toISOString(),
      finishedAt: finished.toISOString(),
      durationMs: finished.getTime() - started.getTime(),
      pages,
      images,
      failures,
      summary,
    });
    return { outputDir, manifestPath, pages, images: images.length, bytes, duplicates, failures, skipped, durationMs: finished.getTime() - started.getTime() };
  } finally {
    await session.browser.close().catch(() => undefined);
  }
}

async function scrapePages(config: ScraperConfig, session: BrowserSession, robots: RobotsGate, limiter: RateLimiter, texts: TextStore, progress: Progress) {
  const pages: PageEntry[] = [];
  const failures: Failure[] = [];
  const references = new Map<string, ImageReference>();
  const options = {
    timeoutMs: config.PAGE_TIMEOUT_MS,
    settleMs: config.SETTLE_MS,
    scroll: { stepPx: config.SCROLL_STEP_PX, delayMs: config.SCROLL_DELAY_MS, maxSteps: config.MAX_SCROLL_STEPS },
  };
  await crawlSite(config.BASE_URL, { maxDepth: config.CRAWL_DEPTH, maxPages: config.MAX_PAGES }, async (url, depth) => {
    const isMain = depth === 0;
    try {
      if (!(await robots.allows(url))) throw new PageLoadError(`robots.txt disallows ${url} (set RESPECT_ROBOTS=false to override)`);
      await limiter.wait(url);
      progress.info(`page ${pages.length + 1}: opening ${url}${depth > 0 ? ` (depth ${depth})` : ''}`);
      const wantImages = isMain || config.CRAWL_IMAGES;
      const result = await scrapePage(session.context, url, { ...options, wantImages, wantLinks: depth < config.CRAWL_DEPTH });
      const file = `text/${await texts.save(result.finalUrl, result.text, isMain)}`;
      pages.push({ url, finalUrl: result.finalUrl, status: result.status, depth, file, chars: result.text.length });
      for (const ref of result.references) if (!references.has(ref.url)) references.set(ref.url, ref);
      progress.info(`page ${pages.length}: ${result.text.length} chars of text -> ${file}, ${result.references.length} image references, ${result.scrollSteps} scroll steps`);
      return { finalUrl: result.finalUrl, links: result.links };
    } catch (error) {
      if (isMain || !(error instanceof PageLoadError)) throw error;
      failures.push({ url, kinds: ['page'], page: url, reason: error.message });
      progress.warn(error.message);
      return { finalUrl: url, links: [] };
    }
  });
  return { pages, references: [...references.values()], failures };
}

async function prepareOutput(outputDir: string, clean: boolean): Promise<void> {
  if (clean) {
    for (const entry of ['text', 'images', MANIFEST_FILE]) await rm(join(outputDir, entry), { recursive: true, force: true });
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
