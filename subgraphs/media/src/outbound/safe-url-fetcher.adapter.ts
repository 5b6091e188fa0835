import { request as httpRequest, type ClientRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { pipeline } from 'node:stream';
import { badInput, MediaError } from '../domain/media-error.js';
import { publicInternetOnly, type AddressPolicy } from './address.policy.js';
import { ByteLimit } from './byte-limit.js';
import type { RemoteMedia, RemoteMediaSource } from './remote-media.port.js';
import {
  resolveTarget,
  resolveWithSystemDns,
  type PinnedTarget,
  type ResolveHost,
  type TargetRules,
} from './url-target.js';

export interface SafeFetchConfig {
  allowedPorts: readonly number[];
  maxRedirects: number;
  maxBytes: number;
  connectTimeoutMs: number;
  /** From request sent to response headers. */
  responseTimeoutMs: number;
  /** Longest silence while the body streams. */
  idleTimeoutMs: number;
  /** The whole transfer, body included. */
  totalTimeoutMs: number;
  userAgent: string;
}

export const DEFAULT_SAFE_FETCH: SafeFetchConfig = {
  allowedPorts: [80, 443],
  maxRedirects: 5,
  maxBytes: 4 * 1024 ** 3,
  connectTimeoutMs: 5_000,
  responseTimeoutMs: 15_000,
  idleTimeoutMs: 30_000,
  totalTimeoutMs: 60 * 60_000,
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
    dependencies: { policy?: AddressPolicy; resolve?: ResolveHost } = {},
  ) {
    this.rules = {
      allowedPorts: config.allowedPorts,
      policy: dependencies.policy ?? publicInternetOnly,
      resolve: dependencies.resolve ?? resolveWithSystemDns,
    };
  }

  async vet(rawUrl: string): Promise<void> {
    await resolveTarget(parseUrl(rawUrl), this.rules);
  }

  async open(rawUrl: string): Promise<RemoteMedia> {
    let url = parseUrl(rawUrl);
    const deadline = new Deadline(this.config.totalTimeoutMs);
    try {
      for (let hop = 0; ; hop++) {
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
    deadline.onExpiry(() => response.destroy(timeout('took too long to download')));
    const body = pipeline(response, new ByteLimit(this.config.maxBytes), () => deadline.clear());
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
      deadline.onExpiry(() => request.destroy(timeout('took too long to respond')));
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
          error instanceof MediaError
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

/** One timer for the whole transfer, redirects and body included. */
class Deadline {
  private readonly timer: NodeJS.Timeout;
  private expired = false;
  private listeners: Array<() => void> = [];

  constructor(ms: number) {
    this.timer = setTimeout(() => {
      this.expired = true;
      for (const listener of this.listeners) listener();
    }, ms);
  }

  onExpiry(listener: () => void): void {
    if (this.expired) listener();
    else this.listeners.push(listener);
  }

  clear(): void {
    clearTimeout(this.timer);
    this.listeners = [];
  }
}
