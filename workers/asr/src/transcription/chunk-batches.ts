import type { Chunk } from '../domain/chunk-plan.js';

/**
 * Groups consecutive chunks into batches of up to `batchMs` of audio (at least one chunk each), for
 * engines that pay a start-up cost per call; 0 gives one chunk per batch.
 */
export function batchChunks(chunks: readonly Chunk[], batchMs: number): Chunk[][] {
  const batches: Chunk[][] = [];
  let current: Chunk[] = [];
  let currentMs = 0;
  for (const chunk of chunks) {
    const length = chunk.endMs - chunk.startMs;
    if (current.length > 0 && currentMs + length > batchMs) {
      batches.push(current);
      current = [];
      currentMs = 0;
    }
    current.push(chunk);
    currentMs += length;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}
