import { AckPolicy, DeliverPolicy, nanos, type ConsumerInfo, type JetStreamManager } from 'nats';

export interface DurableConsumerConfig {
  stream: string;
  durable: string;
  filterSubject: string;
  maxDeliver: number;
  ackWaitMs: number;
  deliverFrom: 'all' | 'new';
}

/**
 * Creates the durable, or updates the settings JetStream lets change (ack wait, max deliveries) when
 * it exists: `create_or_update` semantics that work on NATS 2.9 (no consumer actions) and 2.10 alike,
 * so changing `ack_wait` or `max_deliver` in code never fails a boot.
 */
export async function ensureDurableConsumer(
  jsm: JetStreamManager,
  config: DurableConsumerConfig,
): Promise<ConsumerInfo> {
  const existing = await jsm.consumers.info(config.stream, config.durable).catch((error: unknown) => {
    if (isConsumerNotFound(error)) return undefined;
    throw error;
  });
  if (!existing) {
    return jsm.consumers.add(config.stream, {
      durable_name: config.durable,
      ack_policy: AckPolicy.Explicit,
      deliver_policy: config.deliverFrom === 'new' ? DeliverPolicy.New : DeliverPolicy.All,
      filter_subject: config.filterSubject,
      max_deliver: config.maxDeliver,
      ack_wait: nanos(config.ackWaitMs),
    });
  }
  if (existing.config.filter_subject !== config.filterSubject) {
    throw new Error(
      `Consumer ${config.stream}/${config.durable} filters ${existing.config.filter_subject}, not ` +
        `${config.filterSubject}; a changed filter needs a new durable name`,
    );
  }
  if (
    existing.config.ack_wait === nanos(config.ackWaitMs) &&
    existing.config.max_deliver === config.maxDeliver
  ) {
    return existing;
  }
  return jsm.consumers.update(config.stream, config.durable, {
    ack_wait: nanos(config.ackWaitMs),
    max_deliver: config.maxDeliver,
  });
}

function isConsumerNotFound(error: unknown): boolean {
  return error instanceof Error && /consumer not found/i.test(error.message);
}
