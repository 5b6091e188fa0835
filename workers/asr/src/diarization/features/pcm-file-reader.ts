import { closeSync, openSync, readSync } from 'node:fs';

const BLOCK_BYTES = 1 << 20;

/**
 * Reads 16-bit little-endian PCM from disk a megabyte at a time, de-interleaving `channels`
 * channels, so an hours-long recording never sits in memory as samples.
 */
export function readPcmBlocks(
  path: string,
  channels: number,
  onBlock: (channelSamples: Int16Array[]) => void,
): void {
  const frameBytes = 2 * channels;
  const buffer = Buffer.alloc(BLOCK_BYTES - (BLOCK_BYTES % frameBytes));
  const fd = openSync(path, 'r');
  try {
    let carry = 0;
    for (;;) {
      const read = readSync(fd, buffer, carry, buffer.length - carry, null);
      const available = carry + read;
      const frames = Math.floor(available / frameBytes);
      if (frames > 0) {
        const perChannel = Array.from({ length: channels }, () => new Int16Array(frames));
        for (let f = 0; f < frames; f++) {
          for (let c = 0; c < channels; c++) perChannel[c]![f] = buffer.readInt16LE(f * frameBytes + c * 2);
        }
        onBlock(perChannel);
      }
      carry = available - frames * frameBytes;
      buffer.copyWithin(0, frames * frameBytes, available);
      if (read === 0) break;
    }
  } finally {
    closeSync(fd);
  }
}
