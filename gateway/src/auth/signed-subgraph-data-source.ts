import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { signInternalIdentity, type AuthenticatedUser } from '@mymeet/auth';
import type { GatewayContext } from '../gateway-context.js';

// Carries the user from `willSendRequest` (which knows the context) to the fetch (which knows the
// exact body); removed before anything leaves the gateway.
const PENDING_USER_HEADER = 'x-mymeet-pending-user';

/**
 * Forwards the verified user to one subgraph in headers signed with the shared internal secret,
 * for that subgraph (`name`) and over the exact body bytes sent, with a fresh id per fetch.
 */
export class SignedSubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(name: string, url: string, internalSecret: string) {
    super({ url });
    const send = this.fetcher;
    this.fetcher = (input, init = {}) => {
      const { [PENDING_USER_HEADER]: pending, ...headers } = init.headers ?? {};
      if (pending === undefined) return send(input, { ...init, headers });
      const user = JSON.parse(pending) as AuthenticatedUser;
      const body = typeof init.body === 'string' ? init.body : (init.body?.toString('utf8') ?? '');
      const signed = signInternalIdentity(user, internalSecret, { audience: name, body });
      return send(input, { ...init, headers: { ...headers, ...signed } });
    };
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const headers = request.http?.headers;
    if (!headers || !('user' in context) || !context.user) return;
    headers.set(PENDING_USER_HEADER, JSON.stringify(context.user));
    headers.set('x-request-id', context.requestId);
  }
}
