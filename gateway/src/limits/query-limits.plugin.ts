import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import { getComplexity, simpleEstimator, type ComplexityEstimator } from 'graphql-query-complexity';
import { ErrorCode } from '@mymeet/core';
import { queryDepth } from './query-depth.js';

export interface QueryLimits {
  maxDepth: number;
  maxCost: number;
}

/** List fields cost as many times as the page they ask for (`first`), so one query cannot fan out without bound. */
const pageSizeEstimator: ComplexityEstimator = ({ args, childComplexity }) => {
  const first = typeof args.first === 'number' ? args.first : undefined;
  return first === undefined ? undefined : Math.max(1, first) * (1 + childComplexity);
};

/** Refuses operations deeper or costlier than the limits, before any subgraph is called. */
export function queryLimitsPlugin(limits: QueryLimits, schemaOf: () => GraphQLSchema): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request }) {
          const depth = queryDepth(document, request.operationName);
          if (depth > limits.maxDepth) {
            throw tooComplex(`Query depth ${depth} exceeds the limit of ${limits.maxDepth}`);
          }
          const cost = getComplexity({
            schema: schemaOf(),
            query: document,
            operationName: request.operationName ?? undefined,
            variables: request.variables ?? {},
            estimators: [pageSizeEstimator, simpleEstimator({ defaultComplexity: 1 })],
          });
          if (cost > limits.maxCost) {
            throw tooComplex(`Query cost ${cost} exceeds the limit of ${limits.maxCost}`);
          }
        },
      };
    },
  };
}

function tooComplex(message: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: ErrorCode.QUERY_TOO_COMPLEX, http: { status: 400 } },
  });
}
