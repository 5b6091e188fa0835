export interface SrcsetCandidate {
  url: string;
  /** Width in px for `w` descriptors. */
  width?: number;
  /** Pixel density for `x` descriptors (1 when no descriptor is given). */
  density?: number;
}

/** Parses a srcset attribute per the HTML spec's tokenizer: URLs may contain commas, descriptors may not. */
export function parseSrcset(srcset: string): SrcsetCandidate[] {
  const candidates: SrcsetCandidate[] = [];
  let i = 0;
  while (i < srcset.length) {
    while (i < srcset.length && /[\s,]/.test(srcset[i]!)) i++;
    if (i >= srcset.length) break;
    let end = i;
    while (end < srcset.length && !/\s/.test(srcset[end]!)) end++;
    let url = srcset.slice(i, end);
    i = end;
    let descriptor = '';
    if (url.endsWith(',')) {
      url = url.replace(/,+$/, '');
    } else {
      const comma = srcset.indexOf(',', i);
      const stop = comma === -1 ? srcset.length : comma;
      descriptor = srcset.slice(i, stop).trim();
      i = stop + 1;
    }
    if (url) candidates.push(withDescriptor(url, descriptor));
  }
  return candidates;
}

function withDescriptor(url: string, descriptor: string): SrcsetCandidate {
  const width = /^(\d+)w$/i.exec(descriptor);
  if (width) return { url, width: Number(width[1]) };
  const density = /^(\d*\.?\d+(?:e[+-]?\d+)?)x$/i.exec(descriptor);
  if (density) return { url, density: Number(density[1]) };
  return { url, density: 1 };
}

/**
 * Picks the highest-resolution candidate: the widest `w` candidate, else the densest `x` one.
 * `src` joins as a 1x candidate only when the srcset uses density descriptors (as the spec does).
 */
export function chooseBestCandidate(srcset: string, src?: string): string | undefined {
  const candidates = parseSrcset(srcset);
  const widths = candidates.filter((c) => c.width !== undefined);
  if (widths.length > 0) return widths.reduce((a, b) => (b.width! > a.width! ? b : a)).url;
  if (src && !candidates.some((c) => c.density === 1)) candidates.push({ url: src, density: 1 });
  if (candidates.length === 0) return undefined;
  return candidates.reduce((a, b) => ((b.density ?? 1) > (a.density ?? 1) ? b : a)).url;
}
