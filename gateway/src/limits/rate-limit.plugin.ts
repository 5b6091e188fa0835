import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { ErrorCode } from '@mymeet/core';
import type { GatewayContext } from '../gateway-context.js';
import { RateLimiter } from './rate-limiter.js';

/** Per-user request budget; over it the request gets RATE_LIMITED (HTTP 429) with a Retry-After. */
export function rateLimitPlugin(requestsPerMinute: number): ApolloServerPlugin<GatewayContext> {
  const limiter = new RateLimiter(requestsPerMinute);
  return {
    async requestDidStart() {
      return {
        // Checked here because Apollo turns errors thrown in this hook into proper responses.
        async didResolveOperation({ contextValue }) {
          const waitMs = limiter.take(contextValue.user.sub);
          if (waitMs > 0) {
            const retryAfter = String(Math.ceil(waitMs / 1000));
            throw new GraphQLError(`Too many requests; retry in ${retryAfter} s`, {
              extensions: {
                code: ErrorCode.RATE_LIMITED,
                retryAfterSeconds: Number(retryAfter),
                http: { status: 429, headers: new Map([['retry-after', retryAfter]]) },
              },
            });
          }
        },
      };
    },
  };
}
