import { GraphQLError } from 'graphql';
import { ErrorCode } from '@mymeet/core';
import type { RateLimiter } from './rate-limiter.js';

/**
 * Takes the caller's token as the request starts (before parsing), so malformed, invalid and
 * refused operations spend the budget like any other; over it: RATE_LIMITED (HTTP 429) with Retry-After.
 */
export function enforceRateLimit(limiter: RateLimiter, key: string): void {
  const waitMs = limiter.take(key);
  if (waitMs <= 0) return;
  const retryAfter = Math.ceil(waitMs / 1000);
  throw new GraphQLError(`Too many requests; retry in ${retryAfter} s`, {
    extensions: {
      code: ErrorCode.RATE_LIMITED,
      retryAfterSeconds: retryAfter,
      http: { status: 429, headers: new Map([['retry-after', String(retryAfter)]]) },
    },
  });
}
