/** A span of the recording, in milliseconds from its start. */
export interface TimeSpan {
  startMs: number;
  endMs: number;
}

/** One piece of voiced audio handed to the engine; its `index` orders the results. */
export interface Chunk extends TimeSpan {
  index: number;
}

export interface ChunkPlanOptions {
  durationMs: number;
  /** Stretches below the silence threshold, as the voice-activity detector found them. */
  silences: readonly TimeSpan[];
  maxChunkMs: number;
  /** Voiced stretches shorter than this are clicks or breaths, not words. */
  minVoicedMs?: number;
  /** Kept on each side of a voiced stretch, so soft word onsets and endings are not cut. */
  paddingMs?: number;
  /** Where between two times the audio is quietest: long stretches are split there. */
  quietestBetween: (fromMs: number, toMs: number) => number;
}

/**
 * Cuts a recording into voiced chunks at its silences. Silence never reaches an engine (so no
 * engine can invent words in it), and no chunk is longer than `maxChunkMs`: a long stretch without
 * pauses is split at its quietest point in the second half of the allowed length.
 */
export function planChunks(options: ChunkPlanOptions): Chunk[] {
  const minVoicedMs = options.minVoicedMs ?? 150;
  const paddingMs = options.paddingMs ?? 150;
  const silences = [...options.silences]
    .map((s) => ({ startMs: Math.max(0, s.startMs), endMs: Math.min(options.durationMs, s.endMs) }))
    .filter((s) => s.endMs > s.startMs)
    .sort((a, b) => a.startMs - b.startMs);
  const voiced: TimeSpan[] = [];
  let cursor = 0;
  for (const silence of silences) {
    if (silence.startMs > cursor) voiced.push({ startMs: cursor, endMs: silence.startMs });
    cursor = Math.max(cursor, silence.endMs);
  }
  if (cursor < options.durationMs) voiced.push({ startMs: cursor, endMs: options.durationMs });

  const chunks: Chunk[] = [];
  voiced.forEach((span, i) => {
    if (span.endMs - span.startMs < minVoicedMs) return;
    const before = i === 0 ? span.startMs : span.startMs - voiced[i - 1]!.endMs;
    const after =
      i === voiced.length - 1 ? options.durationMs - span.endMs : voiced[i + 1]!.startMs - span.endMs;
    const padded = {
      startMs: span.startMs - Math.min(paddingMs, before / 2),
      endMs: span.endMs + Math.min(paddingMs, after / 2),
    };
    for (const piece of splitLong(padded, options)) chunks.push({ index: chunks.length, ...round(piece) });
  });
  return chunks;
}

function splitLong(span: TimeSpan, options: ChunkPlanOptions): TimeSpan[] {
  const pieces: TimeSpan[] = [];
  let start = span.startMs;
  while (span.endMs - start > options.maxChunkMs) {
    const cut = options.quietestBetween(start + options.maxChunkMs / 2, start + options.maxChunkMs);
    const bounded = Math.min(start + options.maxChunkMs, Math.max(start + options.maxChunkMs / 2, cut));
    pieces.push({ startMs: start, endMs: bounded });
    start = bounded;
  }
  pieces.push({ startMs: start, endMs: span.endMs });
  return pieces;
}

/** Whole 10 ms frames: the unit PocketSphinx addresses audio in, and plenty for subtitles. */
function round(span: TimeSpan): TimeSpan {
  return { startMs: Math.floor(span.startMs / 10) * 10, endMs: Math.ceil(span.endMs / 10) * 10 };
}
