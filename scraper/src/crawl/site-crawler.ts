import { canonicalPageUrl, sameSiteLinks } from './same-site-links.js';

export interface CrawlLimits {
  maxDepth: number;
  maxPages: number;
}

/** Visits one page and returns the URLs it saw (its links and its final URL after redirects). */
export type PageVisitor = (url: string, depth: number) => Promise<{ finalUrl: string; links: string[] }>;

/**
 * Breadth-first walk of same-site links from `startUrl`, to `maxDepth` link hops and at most
 * `maxPages` pages. A failure on the start page propagates; the visitor handles the others.
 */
export async function crawlSite(startUrl: string, limits: CrawlLimits, visit: PageVisitor): Promise<number> {
  const seen = new Set([canonicalPageUrl(startUrl)]);
  const queue: Array<{ url: string; depth: number }> = [{ url: startUrl, depth: 0 }];
  let visited = 0;
  let siteBase = startUrl;
  for (let next = queue.shift(); next && visited < limits.maxPages; next = queue.shift()) {
    const { finalUrl, links } = await visit(next.url, next.depth);
    visited++;
    seen.add(canonicalPageUrl(finalUrl));
    if (next.depth === 0) siteBase = finalUrl;
    if (next.depth >= limits.maxDepth) continue;
    for (const link of sameSiteLinks(links, siteBase)) {
      if (seen.has(link)) continue;
      seen.add(link);
      queue.push({ url: link, depth: next.depth + 1 });
    }
  }
  return visited;
}
