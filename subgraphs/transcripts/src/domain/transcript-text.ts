/** Words as users count them: runs of non-space characters. */
export function countWords(text: string): number {
  const trimmed = text.trim();
  return trimmed === '' ? 0 : trimmed.split(/\s+/u).length;
}

/**
 * The transcript's running text: each segment's (possibly edited) text in order, one space apart.
 * Empty segments add nothing, so the segments always join back to exactly this text.
 */
export function joinSegmentTexts(segments: ReadonlyArray<{ text: string }>): string {
  return segments
    .map((segment) => segment.text)
    .filter((text) => text !== '')
    .join(' ');
}

/**
 * Segment text as stored: one line, single spaces. A line break inside a cue would end it in SRT
 * and WebVTT, and every export is built from these lines.
 */
export function normalizeSegmentText(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}
