import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';
import { BodyTooLargeError, readBody } from './read-body.js';

export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

/** What the context builder may look at before Apollo parses anything (e.g. to refuse it early). */
export interface IncomingOperation {
  /** The operation text (POST body or GET `query` parameter), when there is one. */
  query?: string;
  /** The raw request body ('' for GET), e.g. to check a signature over it. */
  body: string;
}

/**
 * Serves an Apollo Server on plain node:http, with a request body cap. The context is built
 * before Apollo parses the operation, so errors thrown there (authentication, rate limit, size)
 * answer before any parse or validation work.
 */
export function apolloRequestHandler<Context extends BaseContext>(
  server: ApolloServer<Context>,
  buildContext: (req: IncomingMessage, operation: IncomingOperation) => Promise<Context>,
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
    const parsedBody = parseJson(body);
    const operation: IncomingOperation = {
      query: queryOf(parsedBody) ?? url.searchParams.get('query') ?? undefined,
      body,
    };
    const response = await server.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body: parsedBody },
      context: () => buildContext(req, operation),
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

function queryOf(body: unknown): string | undefined {
  const query = (body as { query?: unknown } | undefined)?.query;
  return typeof query === 'string' ? query : undefined;
}

export function sendJson(res: ServerResponse, status: number, payload: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(payload));
}
