import { cssImageUrls } from './css-urls.js';
import type { ImageKind, RawReference } from './image-kinds.js';
import { chooseBestCandidate } from './srcset.js';

export interface ImageReference {
  /** Absolute http(s) or data: URL, or an inline SVG's pseudo-URL. */
  url: string;
  kinds: ImageKind[];
  /** The page that referenced it. */
  page: string;
  /** Other URLs for the same picture, tried in order when `url` fails. */
  fallbacks: string[];
  inlineSvg?: string;
}

const resolve = (value: string, base: string): string | null => {
  try {
    const url = new URL(value, base);
    if (url.protocol === 'data:') return url.href;
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    url.hash = '';
    return url.href;
  } catch {
    return null;
  }
};

function urlsOf(raw: RawReference): string[] {
  if (raw.format === 'url') return [raw.value];
  if (raw.format === 'css') return cssImageUrls(raw.value);
  const best = chooseBestCandidate(raw.value, raw.src);
  return best ? [best] : [];
}

/** Resolves raw page references into unique absolute image URLs, merging kinds of the same URL. */
export function resolveReferences(raws: RawReference[], page: string): ImageReference[] {
  const byUrl = new Map<string, ImageReference>();
  const remember = (url: string, raw: RawReference, extra: Partial<ImageReference>) => {
    const existing = byUrl.get(url);
    if (!existing) byUrl.set(url, { url, kinds: [raw.kind], page, fallbacks: [], ...extra });
    else if (!existing.kinds.includes(raw.kind)) existing.kinds.push(raw.kind);
  };
  for (const raw of raws) {
    if (raw.format === 'svg') {
      remember(raw.label ?? `${page}#inline-svg`, raw, { inlineSvg: raw.value });
      continue;
    }
    for (const value of urlsOf(raw)) {
      const url = resolve(value, raw.base);
      if (!url) continue;
      const fallbacks = (raw.fallbacks ?? [])
        .map((f) => resolve(f, raw.base))
        .filter((f): f is string => !!f && f !== url);
      remember(url, raw, { fallbacks: [...new Set(fallbacks)] });
    }
  }
  return [...byUrl.values()];
}
