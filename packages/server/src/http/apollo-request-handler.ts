import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';
import { BodyTooLargeError, readBody } from './read-body.js';

export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

/** Serves an Apollo Server on plain node:http, with a request body cap. */
export function apolloRequestHandler<Context extends BaseContext>(
  server: ApolloServer<Context>,
  buildContext: (req: IncomingMessage) => Promise<Context>,
  maxBodyBytes: number,
): RequestHandler {
  return async (req, res) => {
    let body: string;
    try {
      body = req.method === 'POST' ? await readBody(req, maxBodyBytes) : '';
    } catch (error) {
      if (!(error instanceof BodyTooLargeError)) throw error;
      return sendJson(res, 413, {
        errors: [{ message: error.message, extensions: { code: 'QUERY_TOO_COMPLEX' } }],
      });
    }
    const headers = new HeaderMap();
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
    const url = new URL(req.url ?? '/', 'http://localhost');
    const response = await server.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body: parseJson(body) },
      context: () => buildContext(req),
    });
    for (const [name, value] of response.headers) res.setHeader(name, value);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === 'complete') {
      res.end(response.body.string);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  };
}

function parseJson(body: string): unknown {
  if (!body) return undefined;
  try {
    return JSON.parse(body);
  } catch {
    return body; // Apollo answers a readable 400 for a malformed body.
  }
}

export function sendJson(res: ServerResponse, status: number, payload: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(payload));
}
