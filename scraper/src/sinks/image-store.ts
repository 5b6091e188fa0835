import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ImageKind } from '../extract/image-kinds.js';
import { imageDimensions } from '../images/image-dimensions.js';
import {
  IMAGE_EXTENSIONS,
  IMAGE_MIME_TYPES,
  sniffImageType,
  type ImageType,
} from '../images/sniff-image-type.js';

export interface ImageSource {
  url: string;
  kinds: ImageKind[];
  page: string;
}

export interface SavedImage {
  file: string;
  sha256: string;
  bytes: number;
  type: ImageType;
  mime: string;
  width: number | null;
  height: number | null;
  sources: ImageSource[];
}

export type StoreOutcome =
  { status: 'saved' | 'duplicate'; image: SavedImage } | { status: 'rejected'; reason: string };

/** Writes each distinct image (by sha256) once, named after its first URL, with the extension its bytes prove. */
export class ImageStore {
  private readonly byHash = new Map<string, SavedImage>();
  private readonly names = new Set<string>();

  constructor(private readonly dir: string) {}

  async add(bytes: Buffer, source: ImageSource, declaredType = ''): Promise<StoreOutcome> {
    const type = sniffImageType(bytes);
    if (!type)
      return {
        status: 'rejected',
        reason: `not an image (${declaredType || 'unknown type'}, ${bytes.length} bytes)`,
      };
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const existing = this.byHash.get(sha256);
    if (existing) {
      const same = existing.sources.find((s) => s.url === source.url && s.page === source.page);
      if (same) same.kinds = [...new Set([...same.kinds, ...source.kinds])];
      else existing.sources.push(source);
      return { status: 'duplicate', image: existing };
    }
    const dimensions = imageDimensions(bytes, type);
    const image: SavedImage = {
      file: this.reserveName(source.url, sha256, IMAGE_EXTENSIONS[type]),
      sha256,
      bytes: bytes.length,
      type,
      mime: IMAGE_MIME_TYPES[type],
      width: dimensions?.width ?? null,
      height: dimensions?.height ?? null,
      sources: [source],
    };
    this.byHash.set(sha256, image);
    await writeFile(join(this.dir, image.file), bytes);
    return { status: 'saved', image };
  }

  images(): SavedImage[] {
    return [...this.byHash.values()];
  }

  private reserveName(url: string, sha256: string, extension: string): string {
    const stem = fileStem(url);
    let name = `${stem}.${extension}`;
    if (this.names.has(name)) name = `${stem}-${sha256.slice(0, 10)}.${extension}`;
    this.names.add(name);
    return name;
  }
}

function fileStem(url: string): string {
  if (url.startsWith('data:')) return 'data-uri';
  if (/#inline-svg-\d+$/.test(url)) return url.slice(url.lastIndexOf('#') + 1);
  let segment = '';
  try {
    segment = decodeURIComponent(new URL(url).pathname.split('/').pop() ?? '');
  } catch {
    segment = '';
  }
  const stem = segment
    .replace(/\.[a-z0-9]{1,5}$/i, '')
    .replace(/[^\p{L}\p{N}._-]+/gu, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 80);
  return stem || 'image';
}
