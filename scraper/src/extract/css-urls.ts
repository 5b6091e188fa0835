/**
 * Extracts image URLs from a CSS value such as `background-image`.
 * Gradients are ignored; inside `image-set()` only the highest-resolution option is kept.
 */
export function cssImageUrls(value: string): string[] {
  if (!value || value === 'none' || !value.includes('url(')) return [];
  const urls: string[] = [];
  let rest = value;
  for (;;) {
    const set = /(?:-webkit-)?image-set\(/i.exec(rest);
    const before = set ? rest.slice(0, set.index) : rest;
    urls.push(...plainUrls(before));
    if (!set) break;
    const args = scanArguments(rest, set.index + set[0].length);
    const best = bestImageSetUrl(args.parts);
    if (best) urls.push(best);
    rest = rest.slice(args.end + 1);
  }
  return urls;
}

const URL_PATTERN = /url\(\s*(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|([^)\s]*))\s*\)/gi;

function plainUrls(text: string): string[] {
  return [...text.matchAll(URL_PATTERN)]
    .map((m) => unescapeCss(m[1] ?? m[2] ?? m[3] ?? ''))
    .filter((url) => url.length > 0);
}

function unescapeCss(text: string): string {
  return text.replace(/\\([0-9a-f]{1,6})\s?|\\(.)/gi, (_, hex: string | undefined, ch: string) =>
    hex ? String.fromCodePoint(parseInt(hex, 16)) : ch,
  );
}

/** Splits the arguments of a function whose body starts at `start`, up to its closing parenthesis. */
function scanArguments(text: string, start: number): { parts: string[]; end: number } {
  const parts: string[] = [];
  let depth = 0;
  let quote = '';
  let from = start;
  for (let i = start; i < text.length; i++) {
    const ch = text[i]!;
    if (quote) {
      if (ch === '\\') i++;
      else if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '(') depth++;
    else if (ch === ')' && depth-- === 0) {
      parts.push(text.slice(from, i));
      return { parts, end: i };
    } else if (ch === ',' && depth === 0) {
      parts.push(text.slice(from, i));
      from = i + 1;
    }
  }
  parts.push(text.slice(from));
  return { parts, end: text.length };
}

function bestImageSetUrl(options: string[]): string | undefined {
  let best: { url: string; density: number } | undefined;
  for (const option of options) {
    const url = plainUrls(option)[0] ?? /^\s*["']([^"']+)["']/.exec(option)?.[1];
    if (!url) continue;
    const res = /(\d*\.?\d+)(x|dppx)\b/i.exec(option.replace(URL_PATTERN, ''));
    const density = res ? Number(res[1]) : 1;
    if (!best || density > best.density) best = { url, density };
  }
  return best?.url;
}
