import { Gauge, type Registry } from 'prom-client';

export interface SubscriptionCounts {
  sockets(): number;
  subscriptions(): number;
  topics(): number;
}

/** Open sockets, live subscriptions and meeting consumers of this instance, read at scrape time. */
export function registerSubscriptionMetrics(registry: Registry, counts: SubscriptionCounts): void {
  const gauge = (name: string, help: string, read: () => number) =>
    new Gauge({
      name,
      help,
      registers: [registry],
      collect() {
        this.set(read());
      },
    });
  gauge('gateway_subscription_sockets', 'Open graphql-ws connections', counts.sockets);
  gauge('gateway_subscriptions', 'Live subscriptions', counts.subscriptions);
  gauge(
    'gateway_subscription_topics',
    'Meetings followed (one JetStream ordered consumer each)',
    counts.topics,
  );
}
