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
  summary: {
    pages: number;
    images: number;
    bytes: number;
    duplicates: number;
    failures: number;
    skipped: number;
  };
}

export const MANIFEST_FILE = 'manifest.json';

/** Shortens `data:` URLs so a manifest stays readable; the bytes themselves are in the saved file. */
export function displayUrl(url: string): string {
  return url.startsWith('data:') && url.length > 80 ? `${url.slice(0, 60)}…(${url.length} chars)` : url;
}

export interface RunRecord {
  baseUrl: string;
  started: Date;
  pages: PageEntry[];
  images: SavedImage[];
  failures: Failure[];
  skipped: number;
}

export function composeManifest(run: RunRecord, finished = new Date()): Manifest {
  const bytes = run.images.reduce((sum, image) => sum + image.bytes, 0);
  const duplicates = run.images.reduce((sum, image) => sum + image.sources.length - 1, 0);
  return {
    baseUrl: run.baseUrl,
    startedAt: run.started.toISOString(),
    finishedAt: finished.toISOString(),
    durationMs: finished.getTime() - run.started.getTime(),
    pages: run.pages,
    images: run.images,
    failures: run.failures,
    summary: {
      pages: run.pages.length,
      images: run.images.length,
      bytes,
      duplicates,
      failures: run.failures.length,
      skipped: run.skipped,
    },
  };
}

export async function writeManifest(outputDir: string, manifest: Manifest): Promise<string> {
  const path = join(outputDir, MANIFEST_FILE);
  await writeFile(path, `${JSON.stringify(manifest, null, 2)}\n`, 'utf8');
  return path;
}
