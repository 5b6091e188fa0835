import { randomUUID } from 'node:crypto';
import type { ApolloServer } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import type { AuthenticatedUser } from '@mymeet/auth';
import type { GatewayContext } from '../gateway-context.js';

export interface GraphAnswer {
  data?: Record<string, unknown> | null;
  errors?: readonly GraphQLFormattedError[];
}

/** The gateway's own federated executor, asked on a subscriber's behalf with that subscriber's identity. */
export interface FederatedGraph {
  execute(user: AuthenticatedUser, query: string, variables: Record<string, unknown>): Promise<GraphAnswer>;
}

/**
 * Runs operations through the same Apollo pipeline HTTP requests use (query plan, signed subgraph
 * calls, cost and input checks), so the subscription layer sees exactly what the user could query.
 */
export function apolloFederatedGraph(apollo: ApolloServer<GatewayContext>): FederatedGraph {
  return {
    async execute(user, query, variables) {
      const response = await apollo.executeOperation(
        { query, variables },
        { contextValue: { requestId: randomUUID(), user } },
      );
      if (response.body.kind !== 'single') throw new Error('Unexpected incremental response');
      return response.body.singleResult as GraphAnswer;
    },
  };
}

/** Meetings visible to the user: `meeting(id)` answers null for a missing and a hidden one alike. */
export function graphMeetingAccess(graph: FederatedGraph) {
  return {
    async isVisible(meetingId: string, user: AuthenticatedUser): Promise<boolean> {
      const answer = await graph.execute(
        user,
        'query SubscriptionAccess($id: ID!) { meeting(id: $id) { id } }',
        {
          id: meetingId,
        },
      );
      const meeting = (answer.data as { meeting?: unknown } | null | undefined)?.meeting;
      if (meeting === undefined || (meeting === null && answer.errors?.length)) {
        throw new Error(`Visibility check failed: ${answer.errors?.[0]?.message ?? 'no data'}`);
      }
      return meeting !== null;
    },
  };
}
