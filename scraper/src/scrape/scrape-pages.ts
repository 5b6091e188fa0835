import type { BrowserSession } from '../browser/launch-browser.js';
import type { ScraperConfig } from '../config.js';
import { crawlSite } from '../crawl/site-crawler.js';
import type { ImageReference } from '../extract/reference-resolver.js';
import type { RateLimiter } from '../fetch/rate-limiter.js';
import type { RobotsGate } from '../fetch/robots-gate.js';
import type { Progress } from '../progress.js';
import type { Failure, PageEntry } from '../sinks/manifest.js';
import type { TextStore } from '../sinks/text-store.js';
import { PageLoadError, scrapePage } from './page-scraper.js';

export interface CollectedPages {
  pages: PageEntry[];
  references: ImageReference[];
  failures: Failure[];
}

/** Scrapes the main page and, to CRAWL_DEPTH, same-site pages: saves their text and gathers image references. */
export async function scrapePages(
  config: ScraperConfig,
  session: BrowserSession,
  robots: RobotsGate,
  limiter: RateLimiter,
  texts: TextStore,
  progress: Progress,
): Promise<CollectedPages> {
  const pages: PageEntry[] = [];
  const failures: Failure[] = [];
  const references = new Map<string, ImageReference>();
  const options = {
    timeoutMs: config.PAGE_TIMEOUT_MS,
    settleMs: config.SETTLE_MS,
    scroll: {
      stepPx: config.SCROLL_STEP_PX,
      delayMs: config.SCROLL_DELAY_MS,
      maxSteps: config.MAX_SCROLL_STEPS,
    },
  };
  await crawlSite(
    config.BASE_URL,
    { maxDepth: config.CRAWL_DEPTH, maxPages: config.MAX_PAGES },
    async (url, depth) => {
      const isMain = depth === 0;
      try {
        if (!(await robots.allows(url)))
          throw new PageLoadError(`robots.txt disallows ${url} (set RESPECT_ROBOTS=false to override)`);
        await limiter.wait(url);
        progress.info(`page ${pages.length + 1}: opening ${url}${depth > 0 ? ` (depth ${depth})` : ''}`);
        const wantImages = isMain || config.CRAWL_IMAGES;
        const result = await scrapePage(session.context, url, {
          ...options,
          wantImages,
          wantLinks: depth < config.CRAWL_DEPTH,
        });
        const file = `text/${await texts.save(result.finalUrl, result.text, isMain)}`;
        pages.push({
          url,
          finalUrl: result.finalUrl,
          status: result.status,
          depth,
          file,
          chars: result.text.length,
        });
        for (const ref of result.references) if (!references.has(ref.url)) references.set(ref.url, ref);
        progress.info(
          `page ${pages.length}: ${result.text.length} chars of text -> ${file}, ${result.references.length} image references, ${result.scrollSteps} scroll steps`,
        );
        return { finalUrl: result.finalUrl, links: result.links };
      } catch (error) {
        if (isMain || !(error instanceof PageLoadError)) throw error;
        failures.push({ url, kinds: ['page'], page: url, reason: error.message });
        progress.warn(error.message);
        return { finalUrl: url, links: [] };
      }
    },
  );
  return { pages, references: [...references.values()], failures };
}
