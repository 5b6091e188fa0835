import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ImageKind } from '../extract/image-kinds.js';
import type { SavedImage } from './image-store.js';

export interface PageEntry {
  url: string;
  finalUrl: string;
  status: number;
  depth: number;
  /** Path of the text file, relative to OUTPUT_DIR. */
  file: string;
  chars: number;
}

export interface Failure {
  url: string;
  kinds: Array<ImageKind | 'page'>;
  page: string;
  reason: string;
  status?: number;
  attempts?: number;
}

export interface Manifest {
  baseUrl: string;
  startedAt: string;
  finishedAt: string;
  durationMs: number;
  pages: PageEntry[];
  /** Each saved file (relative to OUTPUT_DIR/images) with every URL it was found under. */
  images: SavedImage[];
  failures: Failure[];
  summary: { pages: number; images: number; bytes: number; duplicates: number; failures: number; skipped: number };
}

export const MANIFEST_FILE = 'manifest.json';

/** Shortens `data:` URLs so a manifest stays readable; the bytes themselves are in the saved file. */
export function displayUrl(url: string): string {
  return url.startsWith('data:') && url.length > 80 ? `${url.slice(0, 60)}…(${url.length} chars)` : url;
}

export async function writeManifest(outputDir: string, manifest: Manifest): Promise<string> {
  const path = join(outputDir, MANIFEST_FILE);
  await writeFile(path, `${JSON.stringify(manifest, null, 2)}\n`, 'utf8');
  return path;
}
