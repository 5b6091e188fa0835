const NON_PAGE_EXTENSION =
  /\.(png|jpe?g|gif|webp|avif|svg|ico|bmp|pdf|zip|gz|tar|rar|7z|mp4|webm|mov|mp3|wav|ogg|woff2?|ttf|otf|css|js|json|xml|rss|txt|csv|docx?|xlsx?|pptx?|exe|dmg|apk)$/i;

const siteHost = (host: string) => host.toLowerCase().replace(/^www\./, '');

/** Canonical form used to avoid visiting a page twice: no fragment, default port dropped by URL. */
export function canonicalPageUrl(url: string): string {
  const parsed = new URL(url);
  parsed.hash = '';
  return parsed.href;
}

/** Keeps http(s) links on the same site as `base` (www. ignored) that look like pages, canonical and unique. */
export function sameSiteLinks(links: string[], base: string): string[] {
  const home = new URL(base);
  const kept = new Set<string>();
  for (const link of links) {
    let url: URL;
    try {
      url = new URL(link, base);
    } catch {
      continue;
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') continue;
    if (siteHost(url.host) !== siteHost(home.host)) continue;
    if (NON_PAGE_EXTENSION.test(url.pathname)) continue;
    kept.add(canonicalPageUrl(url.href));
  }
  return [...kept];
}
