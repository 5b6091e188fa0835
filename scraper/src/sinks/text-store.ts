import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

export const MAIN_PAGE_FILE = 'main_page.txt';

/** Maps a page URL to a path under text/: `/about/team` → `about/team.txt`, `/blog/` → `blog/index.txt`. */
export function textFileFor(url: string): string {
  const parsed = new URL(url);
  let path: string;
  try {
    path = decodeURIComponent(parsed.pathname);
  } catch {
    path = parsed.pathname;
  }
  if (path.endsWith('/')) path += 'index';
  const segments = path
    .split('/')
    .filter((s) => s && s !== '.' && s !== '..')
    .map((s) => s.replace(/[^\p{L}\p{N}._-]+/gu, '_').slice(0, 100));
  const last = (segments.pop() ?? 'index').replace(/\.(html?|php|aspx?|jsp)$/i, '') || 'index';
  const query = parsed.search
    ? `__${createHash('sha1').update(parsed.search).digest('hex').slice(0, 8)}`
    : '';
  return [...segments, `${last}${query}.txt`].join('/');
}

/** Saves page texts as UTF-8 under `dir`, keeping names unique when two URLs map to one path. */
export class TextStore {
  private readonly used = new Set<string>();

  constructor(private readonly dir: string) {}

  async save(url: string, text: string, isMain: boolean): Promise<string> {
    let file = isMain ? MAIN_PAGE_FILE : textFileFor(url);
    for (let n = 2; this.used.has(file); n++) file = file.replace(/(?:__\d+)?\.txt$/, `__${n}.txt`);
    this.used.add(file);
    const path = join(this.dir, file);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, text, 'utf8');
    return file;
  }
}
