import { closeSync, openSync, readSync } from 'node:fs';

/** Decoded audio as every engine reads it: 16 kHz, mono, signed 16-bit little-endian PCM. */
export const SAMPLE_RATE = 16_000;
export const BYTES_PER_MS = (SAMPLE_RATE * 2) / 1000;

/** Bytes of PCM between two times of the file. */
export function readPcm(path: string, fromMs: number, toMs: number): Buffer {
  const start = Math.floor(fromMs) * BYTES_PER_MS;
  const length = Math.max(0, Math.floor(toMs - fromMs) * BYTES_PER_MS);
  const buffer = Buffer.alloc(length);
  const fd = openSync(path, 'r');
  try {
    const read = readSync(fd, buffer, 0, length, start);
    return buffer.subarray(0, read - (read % 2));
  } finally {
    closeSync(fd);
  }
}

/** A RIFF/WAVE header in front of PCM, for engines that want a file format. */
export function wavFromPcm(pcm: Buffer): Buffer {
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + pcm.length, 4);
  header.write('WAVE', 8);
  header.write('fmt ', 12);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(SAMPLE_RATE, 24);
  header.writeUInt32LE(SAMPLE_RATE * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36);
  header.writeUInt32LE(pcm.length, 40);
  return Buffer.concat([header, pcm]);
}

/**
 * The time between `fromMs` and `toMs` where the audio is quietest (lowest energy over 100 ms),
 * where a long stretch without pauses is cut with the least damage to words.
 */
export function quietestPoint(path: string, fromMs: number, toMs: number): number {
  const pcm = readPcm(path, fromMs, toMs);
  const samples = new Int16Array(pcm.buffer, pcm.byteOffset, pcm.length / 2);
  const frame = SAMPLE_RATE / 100;
  const energies: number[] = [];
  for (let offset = 0; offset + frame <= samples.length; offset += frame) {
    let sum = 0;
    for (let i = offset; i < offset + frame; i++) sum += samples[i]! * samples[i]!;
    energies.push(sum);
  }
  if (energies.length === 0) return (fromMs + toMs) / 2;
  const window = 10;
  let best = 0;
  let bestEnergy = Infinity;
  for (let i = 0; i < energies.length; i++) {
    let sum = 0;
    for (let j = Math.max(0, i - window / 2); j < Math.min(energies.length, i + window / 2); j++)
      sum += energies[j]!;
    if (sum < bestEnergy) {
      bestEnergy = sum;
      best = i;
    }
  }
  return fromMs + best * 10;
}
