/**
 * Highlights as clients get them: the passage's text HTML-escaped, matched words in `<mark>`.
 * Engines mark matches with sentinels (PostgreSQL) or tags (Elasticsearch); each marking of the same
 * text becomes a set of ranges, the sets are merged (stemmed words and typed prefixes are found by
 * different analyses), and long texts are cut to a window around the first match.
 */
export interface MarkedRange {
  start: number;
  end: number;
}

export const MARK_START = '\u0001';
export const MARK_END = '\u0002';
export const SNIPPET_CHARS = 240;

/** Splits text marked with `start`/`end` sentinels into its plain text and the marked ranges. */
export function rangesOf(
  marked: string,
  start = MARK_START,
  end = MARK_END,
): { text: string; ranges: MarkedRange[] } {
  let text = '';
  const ranges: MarkedRange[] = [];
  let open: number | null = null;
  let depth = 0;
  for (let i = 0; i < marked.length;) {
    if (marked.startsWith(start, i)) {
      if (depth++ === 0) open = text.length;
      i += start.length;
    } else if (marked.startsWith(end, i)) {
      if (depth > 0 && --depth === 0 && open !== null && text.length > open)
        ranges.push({ start: open, end: text.length });
      i += end.length;
    } else {
      text += marked[i];
      i += 1;
    }
  }
  return { text, ranges };
}

export function mergeRanges(ranges: readonly MarkedRange[]): MarkedRange[] {
  const sorted = [...ranges].sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: MarkedRange[] = [];
  for (const range of sorted) {
    const last = merged.at(-1);
    if (last && range.start <= last.end) last.end = Math.max(last.end, range.end);
    else merged.push({ ...range });
  }
  return merged;
}

/** The snippet: escaped text, marks around the ranges, cut to about `limit` characters around the first one. */
export function renderHighlight(text: string, ranges: readonly MarkedRange[], limit = SNIPPET_CHARS): string {
  const merged = mergeRanges(ranges.filter((r) => r.end > r.start && r.start >= 0 && r.end <= text.length));
  let from = 0;
  let to = text.length;
  if (text.length > limit) {
    const first = merged[0]?.start ?? 0;
    from = Math.max(0, first - Math.floor(limit / 4));
    to = Math.min(text.length, from + limit);
    from = Math.max(0, to - limit);
    // Cut at word boundaries, never inside a mark.
    if (from > 0) from = wordStart(text, from, merged);
    if (to < text.length) to = wordEnd(text, to, merged);
  }
  let out = from > 0 ? '…' : '';
  let at = from;
  for (const range of merged) {
    if (range.end <= from || range.start >= to) continue;
    const start = Math.max(range.start, from);
    const end = Math.min(range.end, to);
    out += escapeHtml(text.slice(at, start)) + '<mark>' + escapeHtml(text.slice(start, end)) + '</mark>';
    at = end;
  }
  out += escapeHtml(text.slice(at, to));
  if (to < text.length) out += '…';
  return out;
}

function wordStart(text: string, at: number, ranges: readonly MarkedRange[]): number {
  const inside = ranges.find((r) => r.start < at && at < r.end);
  if (inside) return inside.start;
  const space = text.indexOf(' ', at);
  return space === -1 || space - at > 20 ? at : space + 1;
}

function wordEnd(text: string, at: number, ranges: readonly MarkedRange[]): number {
  const inside = ranges.find((r) => r.start < at && at < r.end);
  if (inside) return inside.end;
  const space = text.lastIndexOf(' ', at);
  return space === -1 || at - space > 20 ? at : space;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text as the index stores it: without the sentinels, so a user's text can never forge a mark. */
export function withoutSentinels(text: string): string {
  return text.replace(/[\u0001\u0002]/g, ' ');
}
