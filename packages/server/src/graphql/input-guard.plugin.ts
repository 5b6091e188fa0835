import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { ErrorCode } from '@mymeet/core';
import { findInputProblem } from './input-values.js';

/**
 * Refuses, as BAD_USER_INPUT naming the argument, any operation whose arguments (literals or
 * variables) hold an invalid DateTime/SafeInt/JSON or text PostgreSQL cannot store. The gateway and
 * every subgraph (through `startSubgraph`) run it, so no service has to remember it.
 */
export function inputGuardPlugin<Context extends BaseContext>(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, request }) {
          const problem = findInputProblem(schema, document, request.variables ?? {});
          if (!problem) return;
          throw new GraphQLError(problem.message, {
            extensions: {
              code: ErrorCode.BAD_USER_INPUT,
              field: problem.field,
              reason: problem.reason,
              http: { status: 400 },
            },
          });
        },
      };
    },
  };
}
