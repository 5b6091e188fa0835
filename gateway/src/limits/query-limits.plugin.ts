import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import { ErrorCode } from '@mymeet/core';
import { COST_MODEL, UNLISTED_MUTATION, type CostModel } from './cost-model.js';
import { tooComplex } from './document-limits.js';
import { countRootFields, operationCost } from './operation-cost.js';

/**
 * Refuses, before any subgraph is called, an operation costlier than `maxCost` or one carrying more
 * calls of a mutation than its per-operation cap. (Size and shape are refused earlier, at parse time.)
 */
export function queryLimitsPlugin(
  limits: { maxCost: number },
  schemaOf: () => GraphQLSchema,
  model: CostModel = COST_MODEL,
): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, request }) {
          if (operation?.operation === 'mutation') {
            for (const [field, count] of countRootFields(document, operation)) {
              const { maxPerOperation } = model.mutations[`Mutation.${field}`] ?? UNLISTED_MUTATION;
              if (count > maxPerOperation) {
                throw tooComplex(`At most ${maxPerOperation} ${field} per request (got ${count})`);
              }
            }
          }
          let cost: number;
          try {
            cost = operationCost(
              schemaOf(),
              document,
              request.operationName ?? undefined,
              request.variables ?? {},
              model,
            );
          } catch (error) {
            // Variables that do not fit their types: the same answer execution would give.
            if (!(error instanceof GraphQLError)) throw error;
            throw new GraphQLError(error.message, {
              extensions: { code: ErrorCode.BAD_USER_INPUT, http: { status: 400 } },
            });
          }
          if (cost > limits.maxCost) {
            throw tooComplex(`Query cost ${cost} exceeds the limit of ${limits.maxCost}`);
          }
        },
      };
    },
  };
}
