import type { BrowserContext, Page } from 'playwright-core';
import { watchNetwork, type NetworkWatch } from '../browser/network-quiet.js';
import { scrollThrough, type ScrollOptions } from '../browser/scroll-page.js';
import { collectPageLinks } from '../crawl/page-links.js';
import type { RawReference } from '../extract/image-kinds.js';
import { collectImageReferences } from '../extract/image-references.js';
import { resolveReferences, type ImageReference } from '../extract/reference-resolver.js';
import { assembleText } from '../extract/text-assembly.js';
import { visibleTextPass, type TextPassMode } from '../extract/visible-text.js';

export interface PageScrapeOptions {
  timeoutMs: number;
  settleMs: number;
  scroll: ScrollOptions;
  wantImages: boolean;
  wantLinks: boolean;
}

export interface PageScrapeResult {
  url: string;
  finalUrl: string;
  status: number;
  text: string;
  references: ImageReference[];
  links: string[];
  scrollSteps: number;
}

export class PageLoadError extends Error {
  override name = 'PageLoadError';
}

const NETWORK_QUIET_MS = 500;
const firstLine = (error: unknown) =>
  (error instanceof Error ? error.message : String(error)).split('\n')[0]!;

/** Opens one page, lets it load and settle, scrolls through it, then extracts its text, images and links. */
export async function scrapePage(
  context: BrowserContext,
  url: string,
  options: PageScrapeOptions,
): Promise<PageScrapeResult> {
  const page = await context.newPage();
  const network = watchNetwork(page);
  try {
    const status = await open(page, url, options.timeoutMs);
    await settle(page, network, options);
    const markText = () =>
      page.evaluate(visibleTextPass, 'mark' as TextPassMode).then(
        () => undefined,
        () => undefined,
      );
    const raws: RawReference[] = [];
    const collectImages = async () => {
      if (options.wantImages)
        raws.push(...(await retryOnce(page, () => page.evaluate(collectImageReferences))));
    };
    await markText();
    await collectImages();
    const scrollSteps = await scrollThrough(page, options.scroll, markText);
    await settle(page, network, options);
    await markText();
    await collectImages();
    const chunks = await retryOnce(page, () => page.evaluate(visibleTextPass, 'extract' as TextPassMode));
    const text = assembleText(chunks);
    const links = options.wantLinks ? await retryOnce(page, () => page.evaluate(collectPageLinks)) : [];
    const finalUrl = page.url();
    return { url, finalUrl, status, text, references: resolveReferences(raws, finalUrl), links, scrollSteps };
  } finally {
    await page.close().catch(() => undefined);
  }
}

async function open(page: Page, url: string, timeoutMs: number): Promise<number> {
  let response;
  try {
    response = await page.goto(url, { waitUntil: 'domcontentloaded', timeout: timeoutMs });
  } catch (error) {
    throw new PageLoadError(`cannot load ${url}: ${firstLine(error).replace(/^page\.goto: /, '')}`);
  }
  const status = response?.status() ?? 200;
  if (status >= 400) throw new PageLoadError(`cannot load ${url}: HTTP ${status}`);
  // A resource that never finishes must not sink the whole page: carry on without the load event.
  await page.waitForLoadState('load', { timeout: timeoutMs }).catch(() => undefined);
  return status;
}

async function settle(page: Page, network: NetworkWatch, options: PageScrapeOptions): Promise<void> {
  await network.waitForQuiet(NETWORK_QUIET_MS, Math.min(Math.max(options.settleMs * 4, 2000), 15_000));
  await page.waitForTimeout(options.settleMs);
}

/** A script that navigates (or reloads) the page destroys the evaluation context: wait for the new document and try again. */
async function retryOnce<T>(page: Page, evaluate: () => Promise<T>): Promise<T> {
  try {
    return await evaluate();
  } catch {
    await page.waitForLoadState('load').catch(() => undefined);
    return evaluate();
  }
}
