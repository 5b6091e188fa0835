import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { ErrorCode } from '@mymeet/core';

/**
 * A subscription sent as an HTTP request gets a clear 400 pointing at graphql-ws instead of the
 * federated executor's internal error (it cannot execute subscriptions).
 */
export function httpSubscriptionRefusalPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation }) {
          if (operation?.operation !== 'subscription') return;
          throw new GraphQLError(
            'Subscriptions are served over WebSocket (graphql-ws, subprotocol graphql-transport-ws) on this URL',
            { extensions: { code: ErrorCode.BAD_USER_INPUT, http: { status: 400 } } },
          );
        },
      };
    },
  };
}
