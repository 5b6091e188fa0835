import { request as httpRequest, type ClientRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { pipeline } from 'node:stream';
import { badInput, MediaError } from '../domain/media-error.js';
import { publicInternetOnly } from './address.policy.js';
import { NO_ALLOWED_HOSTS, type AllowedHosts } from './allowed-hosts.js';
import { ByteLimit } from './byte-limit.js';
import type { OpenOptions, RemoteMedia, RemoteMediaSource } from './remote-media.port.js';
import { ThroughputFloor } from './throughput-floor.js';
import {
  resolveTarget,
  resolveWithSystemDns,
  type PinnedTarget,
  type ResolveHost,
  type TargetRules,
} from './url-target.js';

export interface SafeFetchConfig {
  /** Ports public hosts may be reached on. */
  allowedPorts: readonly number[];
  /** `OUTBOUND_ALLOWED_HOSTS`: `host:port`s that may be private (any port listed with them). */
  allowedHosts: AllowedHosts;
  maxRedirects: number;
  maxBytes: number;
  connectTimeoutMs: number;
  /** From request sent to response headers. */
  responseTimeoutMs: number;
  /** Longest silence while the body streams. */
  idleTimeoutMs: number;
  /** The whole transfer, body included. */
  totalTimeoutMs: number;
  /** Slowest body accepted, averaged over each `throughputWindowMs`. */
  minBytesPerSecond: number;
  throughputWindowMs: number;
  userAgent: string;
}

export const DEFAULT_SAFE_FETCH: SafeFetchConfig = {
  allowedPorts: [80, 443],
  allowedHosts: NO_ALLOWED_HOSTS,
  maxRedirects: 5,
  maxBytes: 4 * 1024 ** 3,
  connectTimeoutMs: 5_000,
  responseTimeoutMs: 15_000,
  idleTimeoutMs: 30_000,
  totalTimeoutMs: 60 * 60_000,
  minBytesPerSecond: 16 * 1024,
  throughputWindowMs: 30_000,
  userAgent: 'MyMeet-media-import/1.0',
};

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/**
 * Fetches user-supplied URLs without letting them reach internal networks (SSRF): each hop's
 * URL, port and every DNS answer are checked, the socket is pinned to the checked address,
 * redirects are followed by hand and re-checked, and time and size are bounded throughout.
 */
export class SafeUrlFetcher implements RemoteMediaSource {
  private readonly rules: TargetRules;

  constructor(
    private readonly config: SafeFetchConfig = DEFAULT_SAFE_FETCH,
    dependencies: { resolve?: ResolveHost } = {},
  ) {
    this.rules = {
      allowedPorts: config.allowedPorts,
      allowedHosts: config.allowedHosts,
      policy: publicInternetOnly,
      resolve: dependencies.resolve ?? resolveWithSystemDns,
    };
  }

  async vet(rawUrl: string): Promise<void> {
    await resolveTarget(parseUrl(rawUrl), this.rules);
  }

  async open(rawUrl: string, options: OpenOptions = {}): Promise<RemoteMedia> {
    let url = parseUrl(rawUrl);
    const deadline = new Deadline(this.config.totalTimeoutMs, options.signal);
    try {
      for (let hop = 0; ; hop++) {
        options.signal?.throwIfAborted();
        const target = await resolveTarget(url, this.rules);
        const response = await this.send(target, deadline);
        const location = response.headers.location;
        if (REDIRECTS.has(response.statusCode ?? 0) && location) {
          response.destroy();
          if (hop >= this.config.maxRedirects) {
            throw badInput(
              'url',
              'TOO_MANY_REDIRECTS',
              `The URL redirected more than ${this.config.maxRedirects} times.`,
            );
          }
          url = parseUrl(location, url);
          continue;
        }
        return this.accept(url, response, deadline);
      }
    } catch (error) {
      deadline.clear();
      throw error;
    }
  }

  private accept(url: URL, response: IncomingMessage, deadline: Deadline): RemoteMedia {
    const status = response.statusCode ?? 0;
    if (status < 200 || status > 299) {
      response.destroy();
      throw badInput('url', 'UPSTREAM_STATUS', `The server answered HTTP ${status} for this URL.`);
    }
    const contentLength = response.headers['content-length']
      ? Number(response.headers['content-length'])
      : undefined;
    if (contentLength !== undefined && contentLength > this.config.maxBytes) {
      response.destroy();
      throw badInput(
        'url',
        'FILE_TOO_LARGE',
        `The file at this URL is larger than the ${this.config.maxBytes}-byte limit.`,
      );
    }
    response.socket.setTimeout(this.config.idleTimeoutMs, () =>
      response.destroy(timeout('sent no data for too long')),
    );
    deadline.onExpiry((aborted) => response.destroy(aborted ?? timeout('took too long to download')));
    const body = pipeline(
      response,
      new ThroughputFloor(this.config.minBytesPerSecond, this.config.throughputWindowMs),
      new ByteLimit(this.config.maxBytes),
      () => deadline.clear(),
    );
    return { finalUrl: url, contentType: response.headers['content-type'], contentLength, body };
  }

  private send(target: PinnedTarget, deadline: Deadline): Promise<IncomingMessage> {
    return new Promise((resolve, reject) => {
      const secure = target.url.protocol === 'https:';
      const request: ClientRequest = (secure ? httpsRequest : httpRequest)({
        host: target.host,
        port: target.port,
        path: `${target.url.pathname}${target.url.search}`,
        method: 'GET',
        agent: false,
        lookup: pinnedLookup(target),
        servername: secure && target.address.address !== target.host ? target.host : undefined,
        headers: {
          'user-agent': this.config.userAgent,
          accept: 'audio/*, video/*, application/octet-stream;q=0.5',
          'accept-encoding': 'identity',
        },
      });
      const connectTimer = setTimeout(
        () => request.destroy(timeout('could not be reached')),
        this.config.connectTimeoutMs,
      );
      const responseTimer = setTimeout(
        () => request.destroy(timeout('did not answer')),
        this.config.responseTimeoutMs,
      );
      deadline.onExpiry((aborted) => request.destroy(aborted ?? timeout('took too long to respond')));
      request.once('socket', (socket) =>
        socket.once(secure ? 'secureConnect' : 'connect', () => clearTimeout(connectTimer)),
      );
      request.once('response', (response) => {
        clearTimeout(connectTimer);
        clearTimeout(responseTimer);
        resolve(response);
      });
      request.once('error', (error) => {
        clearTimeout(connectTimer);
        clearTimeout(responseTimer);
        reject(
          error instanceof MediaError || deadline.aborted
            ? error
            : badInput('url', 'UPSTREAM_FAILED', `The URL could not be fetched (${errorCode(error)}).`),
        );
      });
      request.end();
    });
  }
}

/** Node asks this instead of DNS, so the socket goes to the address that was checked. */
function pinnedLookup(target: PinnedTarget): LookupFunction {
  const { address, family } = target.address;
  return ((_hostname: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
    if (options.all) callback(null, [{ address, family }]);
    else callback(null, address, family);
  }) as LookupFunction;
}

function parseUrl(text: string, base?: URL): URL {
  try {
    return new URL(text, base);
  } catch {
    throw badInput('url', 'URL_INVALID', 'This is not a valid URL.');
  }
}

function timeout(what: string): MediaError {
  return badInput('url', 'UPSTREAM_TIMEOUT', `The server ${what}.`);
}

function errorCode(error: Error): string {
  return (error as { code?: string }).code ?? 'network error';
}

/**
 * One timer for the whole transfer, redirects and body included; the caller's signal (a handler
 * timeout, a lost claim) stops it the same way, with the signal's reason instead of a timeout.
 */
class Deadline {
  private readonly timer: NodeJS.Timeout;
  private expired = false;
  private listeners: Array<(aborted?: Error) => void> = [];
  private readonly onAbort = () => this.stop(abortReason(this.signal));

  constructor(
    ms: number,
    private readonly signal?: AbortSignal,
  ) {
    this.timer = setTimeout(() => this.stop(), ms);
    signal?.addEventListener('abort', this.onAbort, { once: true });
  }

  get aborted(): boolean {
    return this.signal?.aborted ?? false;
  }

  onExpiry(listener: (aborted?: Error) => void): void {
    if (this.expired) listener(this.aborted ? abortReason(this.signal) : undefined);
    else this.listeners.push(listener);
  }

  clear(): void {
    clearTimeout(this.timer);
    this.signal?.removeEventListener('abort', this.onAbort);
    this.listeners = [];
  }

  private stop(aborted?: Error): void {
    this.expired = true;
    for (const listener of this.listeners) listener(aborted);
  }
}

function abortReason(signal: AbortSignal | undefined): Error {
  const reason: unknown = signal?.reason;
  return reason instanceof Error ? reason : new Error('The import was stopped.');
}
