import assert from 'node:assert/strict';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { NO_ALLOWED_HOSTS, parseAllowedHosts } from '../src/outbound/allowed-hosts.js';
import {
  DEFAULT_SAFE_FETCH,
  SafeUrlFetcher,
  type SafeFetchConfig,
} from '../src/outbound/safe-url-fetcher.adapter.js';
import type { ResolveHost } from '../src/outbound/url-target.js';
import { FfprobeInspector } from '../src/probe/ffprobe-inspector.adapter.js';
import { MediaError } from '../src/domain/media-error.js';
import { MediaImporter } from '../src/services/imports/media-importer.service.js';
import { MediaProbe } from '../src/services/validation/media-probe.service.js';
import { MediaValidator } from '../src/services/validation/media-validator.service.js';
import { startFixtureHttpServer, type FixtureHttpServer } from './support/fixture-http-server.js';
import { startLocalStorage, type LocalStorage } from './support/local-storage.js';
import { makeMediaFixtures, type MediaFixtures } from './support/media-fixtures.js';
import { eventually } from '@mymeet/testing';

const MiB = 1024 * 1024;

describe('importMediaFromUrl: SSRF-safe streaming import', function () {
  this.timeout(60_000);
  let local: LocalStorage;
  let fixtures: MediaFixtures;
  let site: FixtureHttpServer;
  let config: SafeFetchConfig;
  let mediaCounter = 0;
  let trickleClosedAt = 0;

  /** Public internet only, plus the fixture site's host:port in OUTBOUND_ALLOWED_HOSTS where a test needs it. */
  function importer(
    options: { allowFixtureSite?: boolean; resolve?: ResolveHost; overrides?: Partial<SafeFetchConfig> } = {},
  ) {
    const allowedHosts = options.allowFixtureSite
      ? parseAllowedHosts(`127.0.0.1:${site.port},recordings.fixture.test:${site.port}`)
      : NO_ALLOWED_HOSTS;
    const fetcher = new SafeUrlFetcher(
      { ...config, allowedHosts, ...options.overrides },
      { resolve: options.resolve },
    );
    return new MediaImporter(fetcher, local.storage);
  }

  async function refusal(promise: Promise<unknown>): Promise<MediaError> {
    try {
      await promise;
    } catch (error) {
      assert.ok(error instanceof MediaError, String(error));
      return error;
    }
    assert.fail('expected the import to be refused');
  }

  const target = () => ({ meetingId: 'm-import', mediaId: `a${++mediaCounter}`, runId: 'run1' });
  const runPrefix = (job: { mediaId: string }) => `meetings/m-import/${job.mediaId}/imports/run1/`;

  before(async () => {
    [local, fixtures] = await Promise.all([startLocalStorage(), makeMediaFixtures()]);
    const mp3Size = (await stat(fixtures.mp3)).size;
    site = await startFixtureHttpServer({
      '/speech.mp3': (_req, res) => {
        res.writeHead(200, { 'content-type': 'audio/mpeg', 'content-length': mp3Size });
        createReadStream(fixtures.mp3).pipe(res);
      },
      '/files/recording.mp3': (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/octet-stream' });
        createReadStream(fixtures.mp3).pipe(res);
      },
      '/page.html': (_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<html></html>'),
      '/redirect-same-host': (_req, res, base) =>
        res.writeHead(302, { location: `${base}/speech.mp3` }).end(),
      '/redirect-loopback': (_req, res, base) =>
        res.writeHead(302, { location: base.replace('127.0.0.1', '127.0.0.2') + '/speech.mp3' }).end(),
      '/redirect-ipv6-loopback': (_req, res, base) =>
        res.writeHead(301, { location: `http://[::1]:${new URL(base).port}/speech.mp3` }).end(),
      '/redirect-metadata': (_req, res) =>
        res.writeHead(307, { location: 'http://169.254.169.254/latest/meta-data/' }).end(),
      '/redirect-loop': (_req, res) => res.writeHead(302, { location: '/redirect-loop' }).end(),
      '/big-chunked': (_req, res) => {
        res.writeHead(200, { 'content-type': 'audio/mpeg' });
        const chunk = Buffer.alloc(64 * 1024, 1);
        let sent = 0;
        const pump = () => {
          while (sent < 8 * MiB && res.write(chunk)) sent += chunk.length;
          if (sent < 8 * MiB) res.once('drain', pump);
          else res.end();
        };
        pump();
      },
      '/big-declared': (_req, res) =>
        res.writeHead(200, { 'content-type': 'audio/mpeg', 'content-length': 10 * MiB }).end(),
      '/never-answers': () => undefined,
      '/trickles': (req, res) => {
        res.writeHead(200, { 'content-type': 'audio/mpeg' });
        // One byte at a time, often enough that no idle timeout ever fires.
        const timer = setInterval(() => res.write(Buffer.alloc(1)), 100);
        req.socket.once('close', () => {
          clearInterval(timer);
          trickleClosedAt = performance.now();
        });
      },
      '/stalls': (_req, res) => {
        res.writeHead(200, { 'content-type': 'audio/mpeg' });
        res.write(Buffer.alloc(1000));
      },
    });
    config = {
      ...DEFAULT_SAFE_FETCH,
      // As if the fixture site's port were a public web port, so address checks are what refuses.
      allowedPorts: [80, 443, site.port],
      maxBytes: 2 * MiB,
      responseTimeoutMs: 1_000,
      idleTimeoutMs: 1_000,
    };
  });
  after(async () => {
    await site?.stop();
    await local?.stop();
    await fixtures?.remove();
  });

  it('imports a public recording into storage, streaming, and it validates', async () => {
    const started = performance.now();
    const imported = await importer({ allowFixtureSite: true }).importFromUrl({
      ...target(),
      url: `${site.base}/speech.mp3`,
    });
    console.log(
      `      import of a 1-minute MP3 (${(imported.byteSize / 1024).toFixed(0)} kB): ${(performance.now() - started).toFixed(0)} ms`,
    );
    assert.equal(imported.byteSize, (await stat(fixtures.mp3)).size);
    assert.equal(imported.contentType, 'audio/mpeg');
    assert.equal(imported.fileName, 'speech.mp3');
    assert.match(imported.key, /^meetings\/m-import\/a\d+\/imports\/run1\/speech\.mp3$/);
    const inspector = new FfprobeInspector({
      ffprobePath: '/usr/bin/ffprobe',
      ffmpegPath: '/usr/bin/ffmpeg',
      timeoutMs: 30_000,
    });
    const outcome = await new MediaValidator(local.storage, new MediaProbe(inspector)).validate(imported);
    assert.ok(outcome.accepted, JSON.stringify(outcome));
  });

  it('follows a redirect that stays on an allowed address, and infers the type of octet-stream downloads', async () => {
    const viaRedirect = await importer({ allowFixtureSite: true }).importFromUrl({
      ...target(),
      url: `${site.base}/redirect-same-host`,
    });
    assert.equal(viaRedirect.fileName, 'speech.mp3');
    assert.equal(viaRedirect.sourceUrl, `${site.base}/speech.mp3`);
    const octet = await importer({ allowFixtureSite: true }).importFromUrl({
      ...target(),
      url: `${site.base}/files/recording.mp3?v=1`,
    });
    assert.equal(octet.contentType, 'audio/mpeg');
    assert.equal(octet.fileName, 'recording.mp3');
  });

  it('connects to the address it checked, not to a second DNS answer', async () => {
    let lookups = 0;
    const resolve: ResolveHost = async () => {
      lookups++;
      return [{ address: '127.0.0.1', family: 4 }];
    };
    const url = `http://recordings.fixture.test:${site.port}/speech.mp3`;
    const imported = await importer({ allowFixtureSite: true, resolve }).importFromUrl({ ...target(), url });
    assert.ok(imported.byteSize > 0);
    assert.equal(lookups, 1, 'resolved exactly once; the socket used the pinned address');
  });

  describe('refusals', () => {
    const refusedAddresses: Array<[string, string]> = [
      ['127.0.0.1', 'http://127.0.0.1:PORT/speech.mp3'],
      ['10.0.0.1', 'http://10.0.0.1/speech.mp3'],
      ['169.254.169.254', 'http://169.254.169.254/latest/meta-data/'],
      ['localhost', 'http://localhost:PORT/speech.mp3'],
      ['[::1]', 'http://[::1]:PORT/speech.mp3'],
      ['an integer IPv4 literal', 'http://2130706433:PORT/speech.mp3'],
    ];
    for (const [name, url] of refusedAddresses) {
      it(`refuses ${name} before connecting`, async () => {
        const before = site.hits.get('/speech.mp3') ?? 0;
        const started = performance.now();
        const error = await refusal(
          importer().importFromUrl({ ...target(), url: url.replace('PORT', String(site.port)) }),
        );
        const ms = performance.now() - started;
        assert.equal(error.publicCode, 'BAD_USER_INPUT');
        assert.equal(error.details.field, 'url');
        assert.equal(error.details.reason, 'URL_FORBIDDEN_ADDRESS');
        assert.match(error.message, /address, which cannot be imported from/);
        assert.equal(site.hits.get('/speech.mp3') ?? 0, before, 'no request reached the server');
        assert.ok(ms < 1000, `refused in ${ms.toFixed(1)} ms`);
      });
    }

    it('refuses a host name that resolves to loopback', async () => {
      const resolve: ResolveHost = async () => [{ address: '127.0.0.1', family: 4 }];
      const error = await refusal(
        importer({ resolve }).importFromUrl({
          ...target(),
          url: `http://rebind.fixture.test:${site.port}/speech.mp3`,
        }),
      );
      assert.equal(error.details.reason, 'URL_FORBIDDEN_ADDRESS');
      assert.match(error.message, /loopback/);
    });

    it('refuses a host name with one private answer among public ones', async () => {
      const resolve: ResolveHost = async () => [
        { address: '93.184.216.34', family: 4 },
        { address: '10.1.2.3', family: 4 },
      ];
      const error = await refusal(
        importer({ resolve }).importFromUrl({ ...target(), url: 'http://mixed.fixture.test/a.mp3' }),
      );
      assert.equal(error.details.reason, 'URL_FORBIDDEN_ADDRESS');
    });

    for (const path of ['/redirect-loopback', '/redirect-ipv6-loopback', '/redirect-metadata']) {
      it(`re-checks the target of ${path} and refuses it`, async () => {
        const before = site.hits.get('/speech.mp3') ?? 0;
        const error = await refusal(
          importer({ allowFixtureSite: true }).importFromUrl({ ...target(), url: `${site.base}${path}` }),
        );
        assert.equal(error.details.reason, 'URL_FORBIDDEN_ADDRESS');
        assert.equal(site.hits.get(path), 1);
        assert.equal(site.hits.get('/speech.mp3') ?? 0, before);
      });
    }

    it('stops after five redirects', async () => {
      const error = await refusal(
        importer({ allowFixtureSite: true }).importFromUrl({
          ...target(),
          url: `${site.base}/redirect-loop`,
        }),
      );
      assert.equal(error.details.reason, 'TOO_MANY_REDIRECTS');
      assert.equal(site.hits.get('/redirect-loop'), 6);
    });

    it('aborts a download that grows past the size cap, leaving nothing stored', async () => {
      const job = target();
      const error = await refusal(
        importer({ allowFixtureSite: true }).importFromUrl({ ...job, url: `${site.base}/big-chunked` }),
      );
      assert.equal(error.details.reason, 'FILE_TOO_LARGE');
      assert.equal(await local.storage.headObject(`${runPrefix(job)}big-chunked`), undefined);
      assert.deepEqual(await local.storage.listIncompleteUploads(`meetings/m-import/${job.mediaId}/`), []);
    });

    it('refuses a download whose declared length exceeds the cap without reading it', async () => {
      const error = await refusal(
        importer({ allowFixtureSite: true }).importFromUrl({ ...target(), url: `${site.base}/big-declared` }),
      );
      assert.equal(error.details.reason, 'FILE_TOO_LARGE');
    });

    it('refuses pages that are not audio or video', async () => {
      const error = await refusal(
        importer({ allowFixtureSite: true }).importFromUrl({ ...target(), url: `${site.base}/page.html` }),
      );
      assert.equal(error.details.reason, 'UNSUPPORTED_CONTENT_TYPE');
    });

    it('times out a server that never answers, and one that stalls mid-body', async () => {
      const silent = await refusal(
        importer({ allowFixtureSite: true }).importFromUrl({
          ...target(),
          url: `${site.base}/never-answers`,
        }),
      );
      assert.equal(silent.details.reason, 'UPSTREAM_TIMEOUT');
      const stalled = await refusal(
        importer({ allowFixtureSite: true }).importFromUrl({ ...target(), url: `${site.base}/stalls` }),
      );
      assert.equal(stalled.details.reason, 'UPSTREAM_TIMEOUT');
    });

    it('refuses ports outside the allowed list', async () => {
      const error = await refusal(
        importer({ allowFixtureSite: true }).importFromUrl({ ...target(), url: 'http://127.0.0.1:6379/' }),
      );
      assert.equal(error.details.reason, 'URL_PORT_NOT_ALLOWED');
    });

    it('cuts off a server that trickles bytes below the throughput floor, storing nothing', async () => {
      const job = target();
      const started = performance.now();
      const error = await refusal(
        importer({
          allowFixtureSite: true,
          overrides: { minBytesPerSecond: 100, throughputWindowMs: 500 },
        }).importFromUrl({ ...job, url: `${site.base}/trickles` }),
      );
      const ms = performance.now() - started;
      assert.equal(error.details.reason, 'UPSTREAM_TOO_SLOW');
      assert.match(error.message, /below the 100 bytes\/s minimum/);
      await eventually(async () => assert.ok(trickleClosedAt >= started, 'the connection was closed'));
      console.log(
        `      trickling server (10 B/s) cut off after ${ms.toFixed(0)} ms (floor 100 B/s over 0.5 s)`,
      );
      assert.deepEqual(await local.storage.listIncompleteUploads(`meetings/m-import/${job.mediaId}/`), []);
      assert.equal(await local.storage.headObject(`${runPrefix(job)}trickles`), undefined);
    });

    it('stops an import at once when its signal aborts', async () => {
      const controller = new AbortController();
      const started = performance.now();
      setTimeout(() => controller.abort(new Error('handler timed out')), 300);
      await assert.rejects(
        importer({ allowFixtureSite: true }).importFromUrl(
          { ...target(), url: `${site.base}/trickles` },
          controller.signal,
        ),
        /handler timed out/,
      );
      await eventually(async () => assert.ok(trickleClosedAt >= started, 'the connection was closed'));
      assert.ok(performance.now() - started < 2_000);
    });
  });

  it('measures how long a refusal takes', async () => {
    const fetcher = new SafeUrlFetcher(config);
    const rounds = 200;
    const started = performance.now();
    for (let i = 0; i < rounds; i++)
      await fetcher.open(`http://localhost:${site.port}/x`).catch(() => undefined);
    console.log(
      `      SSRF refusal incl. system DNS for "localhost": ${((performance.now() - started) / rounds).toFixed(3)} ms each`,
    );
  });
});
