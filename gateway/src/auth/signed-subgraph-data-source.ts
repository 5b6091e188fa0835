import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { signInternalIdentity } from '@mymeet/auth';
import type { GatewayContext } from '../gateway-context.js';

/** Forwards the verified user to a subgraph in headers signed with the shared internal secret. */
export class SignedSubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    url: string,
    private readonly internalSecret: string,
  ) {
    super({ url });
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const headers = request.http?.headers;
    if (!headers || !('user' in context) || !context.user) return;
    for (const [name, value] of Object.entries(signInternalIdentity(context.user, this.internalSecret))) {
      headers.set(name, value);
    }
    headers.set('x-request-id', context.requestId);
  }
}
