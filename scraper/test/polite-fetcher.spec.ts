import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { decodeDataUrl } from '../src/fetch/data-url.js';
import { PoliteFetcher, type FetchPolicy } from '../src/fetch/polite-fetcher.js';
import { RateLimiter } from '../src/fetch/rate-limiter.js';
import { closedPort } from './support/closed-port.js';

const POLICY: FetchPolicy = {
  userAgent: 'MyMeetScraper-test',
  timeoutMs: 400,
  retries: 2,
  retryBaseMs: 20,
  maxBytes: 1000,
};

describe('PoliteFetcher', function () {
  this.timeout(20_000);
  let server: Server;
  let base: string;
  const hits = new Map<string, number>();

  before(async () => {
    server = createServer((req, res) => {
      const count = (hits.get(req.url!) ?? 0) + 1;
      hits.set(req.url!, count);
      if (req.url === '/flaky') return void (count < 3 ? res.writeHead(503).end() : res.end('ok'));
      if (req.url === '/gone') return void res.writeHead(404).end();
      if (req.url === '/big-declared')
        return void res.writeHead(200, { 'content-length': '5000' }).end(Buffer.alloc(5000));
      if (req.url === '/big-streamed') {
        res.write(Buffer.alloc(800));
        return void setTimeout(() => res.end(Buffer.alloc(800)), 20);
      }
      if (req.url === '/hang') return;
      res.end(req.headers['user-agent'] + '|' + (req.headers.cookie ?? ''));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => {
    server.closeAllConnections();
    server.close();
  });

  const fetcher = (policy: Partial<FetchPolicy> = {}) =>
    new PoliteFetcher({ ...POLICY, ...policy }, new RateLimiter(1000), async () => ({ cookie: 'session=1' }));

  it('sends our user agent and the page cookies', async () => {
    const result = await fetcher().fetch(`${base}/echo`);
    assert.ok(result.ok);
    assert.equal(result.bytes.toString(), 'MyMeetScraper-test|session=1');
  });

  it('retries server errors with backoff until they succeed', async () => {
    const result = await fetcher().fetch(`${base}/flaky`);
    assert.ok(result.ok);
    assert.equal(result.attempts, 3);
  });

  it('does not retry a 404', async () => {
    const result = await fetcher().fetch(`${base}/gone`);
    assert.deepEqual(result, { ok: false, reason: 'HTTP 404', status: 404, attempts: 1 });
  });

  it('refuses bodies over the size cap, declared or streamed', async () => {
    for (const path of ['/big-declared', '/big-streamed']) {
      const result = await fetcher().fetch(`${base}${path}`);
      assert.ok(!result.ok);
      assert.match(result.reason, /^too large/);
      assert.equal(result.attempts, 1);
    }
  });

  it('times out each attempt and reports the timeout after the last retry', async () => {
    const started = Date.now();
    const result = await fetcher({ retries: 1 }).fetch(`${base}/hang`);
    assert.deepEqual(result, { ok: false, reason: 'timeout', attempts: 2 });
    assert.ok(Date.now() - started >= 800);
  });

  it('reports a refused connection as a network error', async () => {
    const result = await fetcher({ retries: 0 }).fetch(`http://127.0.0.1:${await closedPort()}/`);
    assert.ok(!result.ok);
    assert.match(result.reason, /^network error \(ECONNREFUSED\)/);
  });
});

describe('RateLimiter', () => {
  it('spaces requests to one host and lets other hosts through', async () => {
    const limiter = new RateLimiter(20);
    const started = Date.now();
    await Promise.all([1, 2, 3, 4].map(() => limiter.wait('http://a.test/x')));
    assert.ok(Date.now() - started >= 140, 'four requests at 20/s take at least 150ms');
    const other = Date.now();
    await limiter.wait('http://b.test/x');
    assert.ok(Date.now() - other < 30);
  });

  it('honours a longer crawl delay for a host', async () => {
    const limiter = new RateLimiter(1000);
    limiter.setMinimumInterval('slow.test', 100);
    const started = Date.now();
    await limiter.wait('http://slow.test/1');
    await limiter.wait('http://slow.test/2');
    assert.ok(Date.now() - started >= 95);
  });
});

describe('decodeDataUrl', () => {
  it('decodes base64 and percent-encoded payloads to bytes', () => {
    assert.deepEqual(decodeDataUrl('data:image/png;base64,iVBORw0K'), {
      mediaType: 'image/png',
      bytes: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]),
    });
    assert.equal(
      decodeDataUrl("data:image/svg+xml,%3Csvg%20a='%C3%A9'/%3E")!.bytes.toString('utf8'),
      "<svg a='é'/>",
    );
    assert.deepEqual(decodeDataUrl('data:,%FF%00')!.bytes, Buffer.from([0xff, 0]));
    assert.equal(decodeDataUrl('data:image/png;base64')?.bytes, undefined);
  });
});
