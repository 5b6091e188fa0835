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
  /**
   * Serve `/metrics` on a listener of its own instead of the main port, for a process whose main
   * port is public (the gateway): Prometheus scrapes it from the private network only.
   */
  metricsListener?: { host: string; port: number };
}

export interface RunningHttpServer {
  server: Server;
  url: string;
  /** Where `/metrics` is served (the main URL unless a metrics listener was asked for). */
  metricsUrl: string;
  close(): Promise<void>;
}

/** The one HTTP server of a process: its routes plus `/health`, `/ready` and `/metrics`. */
export async function startServiceHttpServer(options: ServiceHttpServerOptions): Promise<RunningHttpServer> {
  const { logger, metrics } = options;
  const metricsRoute: RequestHandler = async (_req, res) => {
    res.writeHead(200, { 'content-type': metrics.registry.contentType });
    res.end(await metrics.registry.metrics());
  };
  const routes: Record<string, RequestHandler> = {
    ...options.routes,
    '/health': async (_req, res) => sendJson(res, 200, { status: 'ok' }),
    '/ready': async (_req, res) => {
      const ready = await options.isReady().catch(() => false);
      sendJson(res, ready ? 200 : 503, { status: ready ? 'ready' : 'not ready' });
    },
    ...(options.metricsListener ? {} : { '/metrics': metricsRoute }),
  };

  const main = await listen(routeServer(routes, logger, metrics), options.host, options.port);
  const separate = options.metricsListener
    ? await listen(
        routeServer({ '/metrics': metricsRoute }, logger),
        options.metricsListener.host,
        options.metricsListener.port,
      )
    : undefined;
  return {
    server: main.server,
    url: main.url,
    metricsUrl: separate?.url ?? main.url,
    close: async () => {
      await Promise.all([main.close(), separate?.close()]);
    },
  };
}

function routeServer(routes: Record<string, RequestHandler>, logger: Logger, metrics?: Metrics): Server {
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const handler = Object.hasOwn(routes, path) ? routes[path] : undefined;
    const stopTimer = metrics?.httpDuration.startTimer({
      route: handler ? path : 'unknown',
      method: req.method,
    });
    res.on('finish', () => stopTimer?.({ status: res.statusCode }));
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
  return server;
}

async function listen(
  server: Server,
  host: string,
  port: number,
): Promise<{ server: Server; url: string; close(): Promise<void> }> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  return {
    server,
    url: `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}
