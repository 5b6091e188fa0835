import {
  AckPolicy,
  DeliverPolicy,
  nanos,
  type JetStreamClient,
  type JetStreamManager,
  type JsMsg,
} from 'nats';
import type { Logger } from '@mymeet/core';

/** Thrown by a handler for a message that can never succeed: it is terminated, not retried. */
export class PermanentMessageError extends Error {
  override name = 'PermanentMessageError';
}

export interface DurableConsumerOptions {
  stream: string;
  durable: string;
  /** One subject filter per consumer: multi-filter consumers need NATS 2.10, Debian ships 2.9. */
  filterSubject: string;
  /** Attempts before JetStream gives up (then the max-deliveries advisory fires). */
  maxDeliver: number;
  ackWaitMs: number;
  /** Redelivery delays after a failure, one per attempt (the last repeats). */
  backoffMs: number[];
  /** How often a long handler tells JetStream it is still working, so ack_wait does not expire. */
  heartbeatMs?: number;
  logger: Logger;
  handle: (msg: JsMsg) => Promise<void>;
}

export interface RunningConsumer {
  stop(): Promise<void>;
  /** Resolves when the consume loop has ended. */
  done: Promise<void>;
}

/**
 * A durable pull consumer shared by every instance of a service: explicit ack, in-progress heartbeats,
 * bounded redelivery with backoff, and termination of messages that can never succeed.
 */
export async function runDurableConsumer(
  js: JetStreamClient,
  jsm: JetStreamManager,
  options: DurableConsumerOptions,
): Promise<RunningConsumer> {
  await jsm.consumers.add(options.stream, {
    durable_name: options.durable,
    ack_policy: AckPolicy.Explicit,
    deliver_policy: DeliverPolicy.All,
    filter_subject: options.filterSubject,
    max_deliver: options.maxDeliver,
    ack_wait: nanos(options.ackWaitMs),
  });
  const consumer = await js.consumers.get(options.stream, options.durable);
  const messages = await consumer.consume({ max_messages: 16 });
  const done = (async () => {
    for await (const msg of messages) await handleOne(msg, options);
  })();
  return {
    done,
    stop: async () => {
      await messages.close();
      await done;
    },
  };
}

async function handleOne(msg: JsMsg, options: DurableConsumerOptions): Promise<void> {
  const heartbeat = setInterval(
    () => msg.working(),
    options.heartbeatMs ?? Math.max(1_000, options.ackWaitMs / 3),
  );
  try {
    await options.handle(msg);
    msg.ack();
  } catch (error) {
    const attempt = msg.info.redeliveryCount;
    if (error instanceof PermanentMessageError || isSchemaError(error)) {
      options.logger.error(
        { err: error, subject: msg.subject, seq: msg.seq },
        'message can never succeed; terminated',
      );
      msg.term(error instanceof Error ? error.message.slice(0, 200) : 'invalid message');
      return;
    }
    const delay = options.backoffMs[Math.min(attempt - 1, options.backoffMs.length - 1)] ?? 1_000;
    options.logger.warn(
      { err: error, subject: msg.subject, attempt, retryInMs: delay },
      'message failed; will retry',
    );
    msg.nak(delay);
  } finally {
    clearInterval(heartbeat);
  }
}

function isSchemaError(error: unknown): boolean {
  return error instanceof Error && (error.name === 'ZodError' || error instanceof SyntaxError);
}
