import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Route = (req: IncomingMessage, res: ServerResponse, base: string) => void;

export interface FixtureHttpServer {
  base: string;
  port: number;
  /** How many requests each path received. */
  hits: Map<string, number>;
  stop(): Promise<void>;
}

/** A throwaway HTTP server on a loopback address standing in for "some website" in import tests. */
export async function startFixtureHttpServer(
  routes: Record<string, Route>,
  host = '127.0.0.1',
): Promise<FixtureHttpServer> {
  const hits = new Map<string, number>();
  let base = '';
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', base).pathname;
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const route = routes[path];
    if (route) route(req, res, base);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  base = `http://${host}:${port}`;
  return {
    base,
    port,
    hits,
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
