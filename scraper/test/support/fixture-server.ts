import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

/** test/fixtures, seen from the compiled dist/test/support/ as well as from the sources. */
export const FIXTURES_DIR = fileURLToPath(new URL('../../../test/fixtures/', import.meta.url));
export const SITE_DIR = join(FIXTURES_DIR, 'site');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.svg': 'image/svg+xml',
  '.bmp': 'image/bmp',
  '.ico': 'image/x-icon',
};

/** URLs whose file or Content-Type lies about what they are, and the traps that are not files at all. */
const ALIASES: Record<string, { file: string; type?: string }> = {
  '/img/noext': { file: 'img/noext-bytes.jpg', type: 'application/octet-stream' },
  '/img/og': { file: 'img/og.jpg' },
  '/img/touch-icon': { file: 'img/touch-icon.png', type: 'image/png' },
  '/img/fake.jpg': { file: 'img/fake.jpg', type: 'image/jpeg' },
};
export const HUGE_IMAGE_BYTES = 300_000;

export interface FixtureServer {
  url: string;
  /** Paths (with query) requested so far; `fromBrowser` tells Chromium's requests from the downloader's. */
  requests: Array<{ path: string; userAgent: string; fromBrowser: boolean }>;
  close(): Promise<void>;
}

/** Serves a fixture folder on 127.0.0.1 at a random port. */
export async function startFixtureServer(root = SITE_DIR): Promise<FixtureServer> {
  const requests: FixtureServer['requests'] = [];
  const server = createServer((req, res) => {
    requests.push({
      path: req.url ?? '/',
      userAgent: req.headers['user-agent'] ?? '',
      fromBrowser: 'sec-fetch-dest' in req.headers,
    });
    void respond(root, req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function respond(root: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const path = decodeURIComponent(new URL(req.url ?? '/', 'http://fixture').pathname);
  if (path === '/img/slow.png') return; // never answers: the scraper must time out
  if (path === '/img/not-image.png')
    return void res
      .writeHead(200, { 'content-type': 'image/png' })
      .end('<html><body>Not found</body></html>');
  if (path === '/img/huge.png') {
    res.writeHead(200, { 'content-type': 'image/png' });
    const chunk = Buffer.alloc(10_000, 0);
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(chunk);
    for (let sent = 0; sent < HUGE_IMAGE_BYTES; sent += chunk.length) res.write(chunk);
    return void res.end();
  }
  const alias = ALIASES[path];
  const file = alias?.file ?? (path.endsWith('/') ? `${path}index.html` : path);
  const full = join(root, normalize(file).replace(/^(\.\.[/\\])+/, ''));
  try {
    const body = await readFile(full);
    const type = alias ? alias.type : TYPES[extname(full)];
    res.writeHead(200, type ? { 'content-type': type } : {}).end(body);
  } catch {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  }
}
