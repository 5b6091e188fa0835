import { signInternalIdentity, type AuthenticatedUser } from '@mymeet/auth';
import type { GraphQLResponse } from './graphql-client.js';

/**
 * Calls a subgraph the way the gateway does: the user in identity headers signed for this
 * subgraph (`audience`) over the exact body. Without a user, no identity headers at all.
 */
export function subgraphClient(url: string, audience: string, internalSecret: string) {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read arbitrary response shapes
  return async <Data = Record<string, any>>(
    user: AuthenticatedUser | undefined,
    query: string,
    variables: Record<string, unknown> = {},
  ): Promise<GraphQLResponse<Data>> => {
    const body = JSON.stringify({ query, variables });
    const identity = user ? signInternalIdentity(user, internalSecret, { audience, body }) : {};
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...identity },
      body,
    });
    return { status: response.status, ...((await response.json()) as Omit<GraphQLResponse<Data>, 'status'>) };
  };
}
