import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind } from 'graphql';
import { ErrorCode } from '@mymeet/core';
import type { SubgraphContext } from './subgraph-context.js';

// Composition reads a subgraph's SDL through `_service`; it says nothing about anyone's data.
const ANONYMOUS_FIELDS = new Set(['_service', '__typename']);

/**
 * Every operation on a subgraph needs the identity the gateway signed, except `_service { sdl }`
 * (documented in the README): refused here once, rather than trusted to each resolver.
 */
export function requireIdentityPlugin<Context extends SubgraphContext>(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, operation }) {
          if (contextValue.user) return;
          const onlyAnonymous =
            operation?.operation === 'query' &&
            operation.selectionSet.selections.every(
              (selection) => selection.kind === Kind.FIELD && ANONYMOUS_FIELDS.has(selection.name.value),
            );
          if (onlyAnonymous) return;
          throw new GraphQLError('Authentication required', {
            extensions: { code: ErrorCode.UNAUTHENTICATED, http: { status: 401 } },
          });
        },
      };
    },
  };
}
