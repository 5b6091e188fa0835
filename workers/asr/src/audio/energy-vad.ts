import { closeSync, openSync, readSync } from 'node:fs';
import type { TimeSpan } from '../domain/chunk-plan.js';
import { SAMPLE_RATE } from './pcm-audio.js';

export interface EnergyVadOptions {
  /** A pause at least this long is a silence. */
  minSilenceMs: number;
  /** Frames quieter than this (dBFS, RMS) are silent whatever the noise floor. */
  floorDb: number;
  /** How far above the recording's noise floor speech must be. */
  marginDb?: number;
}

const FRAME = SAMPLE_RATE / 100; // 10 ms
const SILENT_DB = -100;

/**
 * Finds the silences of a PCM file from 10 ms frame energies against the recording's own noise
 * floor (its quietest tenth), so a steady hum or a room's hiss counts as silence. Measured here:
 * ffmpeg's `silencedetect` compares single samples with a fixed level and found no pause at all in
 * speech under -39 dBFS of white noise, which left 30-second chunks cut mid-sentence.
 */
export function detectSilences(path: string, options: EnergyVadOptions): TimeSpan[] {
  const levels = frameLevels(path);
  if (levels.length === 0) return [];
  const sorted = Float32Array.from(levels).sort();
  const noiseFloor = sorted[Math.floor(sorted.length * 0.1)]!;
  const threshold = Math.max(options.floorDb, noiseFloor + (options.marginDb ?? 10));
  const minFrames = Math.ceil(options.minSilenceMs / 10);
  const silences: TimeSpan[] = [];
  let runStart = -1;
  for (let i = 0; i <= levels.length; i++) {
    const silent = i < levels.length && levels[i]! < threshold;
    if (silent && runStart < 0) runStart = i;
    if (!silent && runStart >= 0) {
      const atEdge = runStart === 0 || i === levels.length;
      if (i - runStart >= minFrames || atEdge) silences.push({ startMs: runStart * 10, endMs: i * 10 });
      runStart = -1;
    }
  }
  return silences;
}

/** RMS level of each 10 ms frame in dBFS, read in bounded memory. */
function frameLevels(path: string): Float32Array {
  const fd = openSync(path, 'r');
  try {
    const levels: number[] = [];
    const buffer = Buffer.alloc(FRAME * 2 * 1_000);
    for (;;) {
      const read = readSync(fd, buffer, 0, buffer.length, null);
      if (read < FRAME * 2) break;
      for (let offset = 0; offset + FRAME * 2 <= read; offset += FRAME * 2) {
        let sum = 0;
        for (let i = offset; i < offset + FRAME * 2; i += 2) {
          const sample = buffer.readInt16LE(i);
          sum += sample * sample;
        }
        const rms = Math.sqrt(sum / FRAME) / 32_768;
        levels.push(rms > 0 ? Math.max(SILENT_DB, 20 * Math.log10(rms)) : SILENT_DB);
      }
    }
    return Float32Array.from(levels);
  } finally {
    closeSync(fd);
  }
}
