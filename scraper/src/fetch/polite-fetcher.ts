import type { RateLimiter } from './rate-limiter.js';
import { readCapped } from './read-capped.js';

export interface FetchPolicy {
  userAgent: string;
  timeoutMs: number;
  retries: number;
  retryBaseMs: number;
  maxBytes: number;
}

export type FetchResult =
  | { ok: true; bytes: Buffer; status: number; contentType: string; finalUrl: string; attempts: number }
  | { ok: false; reason: string; status?: number; attempts: number };

export type HeaderSource = (url: string) => Promise<Record<string, string>>;

const RETRYABLE_STATUS = new Set([408, 425, 429, 500, 502, 503, 504]);
const MAX_RETRY_AFTER_MS = 30_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** HTTP GET with a per-host rate limit, a timeout per attempt, a size cap and retries with exponential backoff. */
export class PoliteFetcher {
  constructor(
    private readonly policy: FetchPolicy,
    private readonly limiter: RateLimiter,
    private readonly extraHeaders: HeaderSource = async () => ({}),
  ) {}

  async fetch(
    url: string,
    options: { referer?: string; maxBytes?: number; accept?: string } = {},
  ): Promise<FetchResult> {
    const maxBytes = options.maxBytes ?? this.policy.maxBytes;
    let last: FetchResult = { ok: false, reason: 'not attempted', attempts: 0 };
    for (let attempt = 1; attempt <= this.policy.retries + 1; attempt++) {
      await this.limiter.wait(url);
      const { result, retryable, retryAfterMs } = await this.attempt(url, options, maxBytes, attempt);
      last = result;
      if (result.ok || !retryable || attempt > this.policy.retries) break;
      const backoff = this.policy.retryBaseMs * 2 ** (attempt - 1);
      await sleep(Math.max(backoff + Math.random() * this.policy.retryBaseMs * 0.5, retryAfterMs ?? 0));
    }
    return last;
  }

  private async attempt(
    url: string,
    options: { referer?: string; accept?: string },
    maxBytes: number,
    attempts: number,
  ): Promise<{ result: FetchResult; retryable: boolean; retryAfterMs?: number }> {
    const headers: Record<string, string> = {
      'user-agent': this.policy.userAgent,
      accept: options.accept ?? 'image/avif,image/webp,image/svg+xml,image/*,*/*;q=0.8',
      ...(options.referer ? { referer: options.referer } : {}),
      ...(await this.extraHeaders(url)),
    };
    try {
      const response = await fetch(url, {
        headers,
        redirect: 'follow',
        signal: AbortSignal.timeout(this.policy.timeoutMs),
      });
      if (!response.ok) {
        await response.body?.cancel().catch(() => undefined);
        const retryAfter = Number(response.headers.get('retry-after'));
        return {
          result: { ok: false, reason: `HTTP ${response.status}`, status: response.status, attempts },
          retryable: RETRYABLE_STATUS.has(response.status),
          ...(retryAfter > 0 ? { retryAfterMs: Math.min(retryAfter * 1000, MAX_RETRY_AFTER_MS) } : {}),
        };
      }
      const body = await readCapped(response, maxBytes);
      if (!body) {
        return {
          result: {
            ok: false,
            reason: `too large (over ${maxBytes} bytes)`,
            status: response.status,
            attempts,
          },
          retryable: false,
        };
      }
      const contentType = response.headers.get('content-type') ?? '';
      return {
        result: {
          ok: true,
          bytes: body,
          status: response.status,
          contentType,
          finalUrl: response.url || url,
          attempts,
        },
        retryable: false,
      };
    } catch (error) {
      return { result: { ok: false, reason: describeFetchError(error), attempts }, retryable: true };
    }
  }
}

export function describeFetchError(error: unknown): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError'))
    return 'timeout';
  const cause = (error as { cause?: { code?: string; message?: string } } | undefined)?.cause;
  if (cause?.code) return `network error (${cause.code})`;
  return `network error (${error instanceof Error ? (cause?.message ?? error.message) : String(error)})`;
}
