import type { ImageType } from './sniff-image-type.js';
import { svgDimensions } from './svg-dimensions.js';

export interface Dimensions {
  width: number;
  height: number;
}

type Reader = (bytes: Buffer) => Dimensions | null;

const readers: Record<ImageType, Reader> = {
  png: (b) => (b.length >= 24 ? { width: b.readUInt32BE(16), height: b.readUInt32BE(20) } : null),
  gif: (b) => (b.length >= 10 ? { width: b.readUInt16LE(6), height: b.readUInt16LE(8) } : null),
  bmp: readBmp,
  ico: readIco,
  jpeg: readJpeg,
  webp: readWebp,
  avif: readAvif,
  svg: (b) => svgDimensions(b.toString('utf8')),
};

/** Reads pixel dimensions from the image header; null when the header is truncated or unusual. */
export function imageDimensions(bytes: Buffer, type: ImageType): Dimensions | null {
  try {
    return readers[type](bytes);
  } catch {
    return null;
  }
}

function readBmp(b: Buffer): Dimensions | null {
  const headerSize = b.readUInt32LE(14);
  if (headerSize === 12) return { width: b.readUInt16LE(18), height: b.readUInt16LE(20) };
  return { width: Math.abs(b.readInt32LE(18)), height: Math.abs(b.readInt32LE(22)) };
}

/** Largest entry of the icon directory (a stored 0 means 256). */
function readIco(b: Buffer): Dimensions | null {
  let best: Dimensions | null = null;
  for (let i = 0, count = b.readUInt16LE(4); i < count; i++) {
    const entry = 6 + i * 16;
    const size = { width: b[entry] || 256, height: b[entry + 1] || 256 };
    if (!best || size.width * size.height > best.width * best.height) best = size;
  }
  return best;
}

function readJpeg(b: Buffer): Dimensions | null {
  let i = 2;
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) return null;
    const marker = b[i + 1]!;
    if (marker === 0xff) {
      i++;
      continue;
    }
    const isFrame = marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker);
    if (isFrame) return { height: b.readUInt16BE(i + 5), width: b.readUInt16BE(i + 7) };
    const standalone = (marker >= 0xd0 && marker <= 0xd9) || marker === 0x01;
    i += standalone ? 2 : 2 + b.readUInt16BE(i + 2);
  }
  return null;
}

function readWebp(b: Buffer): Dimensions | null {
  const chunk = b.toString('latin1', 12, 16);
  if (chunk === 'VP8 ') return { width: b.readUInt16LE(26) & 0x3fff, height: b.readUInt16LE(28) & 0x3fff };
  if (chunk === 'VP8L') {
    const bits = b.readUInt32LE(21);
    return { width: (bits & 0x3fff) + 1, height: ((bits >> 14) & 0x3fff) + 1 };
  }
  if (chunk === 'VP8X') return { width: b.readUIntLE(24, 3) + 1, height: b.readUIntLE(27, 3) + 1 };
  return null;
}

/** The largest `ispe` (image spatial extents) property; grids and alpha planes carry their own. */
function readAvif(b: Buffer): Dimensions | null {
  let best: Dimensions | null = null;
  for (let at = b.indexOf('ispe'); at !== -1 && at + 16 <= b.length; at = b.indexOf('ispe', at + 4)) {
    const size = { width: b.readUInt32BE(at + 8), height: b.readUInt32BE(at + 12) };
    if (!best || size.width * size.height > best.width * best.height) best = size;
  }
  return best;
}
