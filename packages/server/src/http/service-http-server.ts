import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '@mymeet/core';
import { sendJson, type RequestHandler } from './apollo-request-handler.js';
import type { Metrics } from './metrics.js';

export interface ServiceHttpServerOptions {
  host: string;
  port: number;
  logger: Logger;
  metrics: Metrics;
  /** Extra routes by path, e.g. `/graphql`. */
  routes: Record<string, RequestHandler>;
  /** Readiness: every dependency this process needs is reachable. */
  isReady: () => Promise<boolean>;
}

export interface RunningHttpServer {
  server: Server;
  url: string;
  close(): Promise<void>;
}

/** The one HTTP server of a process: its routes plus `/health`, `/ready` and `/metrics`. */
export async function startServiceHttpServer(options: ServiceHttpServerOptions): Promise<RunningHttpServer> {
  const { logger, metrics } = options;
  const routes: Record<string, RequestHandler> = {
    ...options.routes,
    '/health': async (_req, res) => sendJson(res, 200, { status: 'ok' }),
    '/ready': async (_req, res) => {
      const ready = await options.isReady().catch(() => false);
      sendJson(res, ready ? 200 : 503, { status: ready ? 'ready' : 'not ready' });
    },
    '/metrics': async (_req, res) => {
      res.writeHead(200, { 'content-type': metrics.registry.contentType });
      res.end(await metrics.registry.metrics());
    },
  };

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const handler = routes[path];
    const stopTimer = metrics.httpDuration.startTimer({
      route: handler ? path : 'unknown',
      method: req.method,
    });
    res.on('finish', () => stopTimer({ status: res.statusCode }));
    if (!handler) return sendJson(res, 404, { error: 'not found' });
    handler(req, res).catch((error: unknown) => {
      logger.error({ err: error, path }, 'request failed');
      if (!res.headersSent)
        sendJson(res, 500, {
          errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
        });
      else res.end();
    });
  });
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  server.requestTimeout = 60_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const url = `http://${options.host.includes(':') ? `[${options.host}]` : options.host}:${address.port}`;
  return {
    server,
    url,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}
