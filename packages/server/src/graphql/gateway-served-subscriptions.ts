import type { PubSub } from 'type-graphql';
import { DomainError } from '@mymeet/core';

/**
 * The `pubSub` type-graphql needs once a subgraph declares a `Subscription` field. A subgraph only
 * declares its subscription fields (so they are composed into the supergraph); the gateway serves
 * them over graphql-ws from JetStream, so a subscription that reaches a subgraph is refused.
 */
export const gatewayServedPubSub: PubSub = {
  publish: () => undefined,
  subscribe: () => refuseSubscription(),
};

/** A `subscribe` for `@Subscription` fields served by the gateway: refuses when called on a subgraph. */
export function refuseSubscription(): AsyncIterable<never> {
  return {
    [Symbol.asyncIterator]: () => ({
      next: () =>
        Promise.reject(
          DomainError.badInput('subscription', 'Subscriptions are served by the gateway over graphql-ws'),
        ),
    }),
  };
}
