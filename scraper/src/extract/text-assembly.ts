import type { TextChunks } from './visible-text.js';

/**
 * Lines at least this long that repeat an earlier line verbatim are dropped: on marketing pages
 * they are carousel clones or responsive copies of a block, while short repeats ("Learn more") are kept.
 */
const MIN_DEDUPED_LINE_LENGTH = 24;

/** Joins page-side text runs into lines: whitespace collapsed, empty lines and long duplicate lines dropped. */
export function assembleText(chunks: TextChunks): string {
  const lines: string[] = [];
  let current = '';
  const flush = () => {
    const line = current
      .replace(/[\u200B\u00AD\uFEFF]/g, '')
      .replace(/[\s\u00A0]+/g, ' ')
      .trim();
    if (line) lines.push(line);
    current = '';
  };
  for (const chunk of chunks) {
    if (chunk === null) flush();
    else current += chunk;
  }
  flush();
  const seen = new Set<string>();
  const kept = lines.filter((line) => {
    if (line.length < MIN_DEDUPED_LINE_LENGTH) return true;
    const key = line.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return kept.length > 0 ? `${kept.join('\n')}\n` : '';
}
