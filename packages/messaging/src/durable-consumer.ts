import {
  AckPolicy,
  DeliverPolicy,
  nanos,
  type JetStreamClient,
  type JetStreamManager,
  type JsMsg,
  type NatsConnection,
} from 'nats';
import type { Logger } from '@mymeet/core';
import { STREAMS } from '@mymeet/contracts';
import { deadLetter, watchMaxDeliveries, type DeadLetterHandler } from './dead-letter.js';

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
  /**
   * Messages handled at once by this instance. Long jobs want 1: a message fetched but waiting behind
   * another would see its ack_wait expire and be delivered twice.
   */
  concurrency?: number;
  /**
   * Where a new durable starts: `all` (the default) replays what the stream holds, so a new service
   * catches up on history; `new` starts at the end (tests, or a deliberate fresh start). Work queues
   * always start at `all`.
   */
  deliverFrom?: 'all' | 'new';
  /** Called once a message is given up on (after the last attempt, or at once when it can never succeed). */
  onDeadLetter?: DeadLetterHandler;
}

export interface RunningConsumer {
  /** Stops fetching and waits up to `drainMs` for handlers in flight. */
  stop(drainMs?: number): Promise<void>;
  /** Resolves when the consume loop has ended. */
  done: Promise<void>;
}

/**
 * A durable pull consumer shared by every instance of a service: explicit ack, in-progress heartbeats,
 * bounded redelivery with backoff, and termination of messages that can never succeed.
 */
export async function runDurableConsumer(
  { nc, js, jsm }: { nc: NatsConnection; js: JetStreamClient; jsm: JetStreamManager },
  options: DurableConsumerOptions,
): Promise<RunningConsumer> {
  await jsm.consumers.add(options.stream, {
    durable_name: options.durable,
    ack_policy: AckPolicy.Explicit,
    deliver_policy: options.deliverFrom === 'new' ? DeliverPolicy.New : DeliverPolicy.All,
    filter_subject: options.filterSubject,
    max_deliver: options.maxDeliver,
    ack_wait: nanos(options.ackWaitMs),
  });
  const consumer = await js.consumers.get(options.stream, options.durable);
  const concurrency = options.concurrency ?? 1;
  const messages = await consumer.consume({ max_messages: concurrency });
  const advisories = watchMaxDeliveries(nc, js, jsm, {
    stream: options.stream,
    consumer: options.durable,
    ackWaitMs: options.ackWaitMs,
    logger: options.logger,
    onDead: options.onDeadLetter,
  });
  const giveUp = (msg: JsMsg, reason: string) =>
    deadLetter(
      js,
      jsm,
      {
        stream: options.stream,
        consumer: options.durable,
        subject: msg.subject,
        streamSequence: msg.info.streamSequence,
        deliveries: msg.info.redeliveryCount,
        reason,
        data: msg.data,
      },
      options.onDeadLetter,
      options.stream === STREAMS.jobs.name,
    );
  const inFlight = new Set<Promise<void>>();
  const done = (async () => {
    for await (const msg of messages) {
      const handling = handleOne(msg, options, giveUp).finally(() => inFlight.delete(handling));
      inFlight.add(handling);
      if (inFlight.size >= concurrency) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
  })();
  return {
    done,
    stop: async (drainMs = 10_000) => {
      advisories.stop();
      const closed = messages.close();
      // Unfinished handlers are not acked: JetStream redelivers their messages to another instance.
      await Promise.race([
        Promise.all([closed, done]),
        new Promise((resolve) => setTimeout(resolve, drainMs).unref()),
      ]);
    },
  };
}

async function handleOne(
  msg: JsMsg,
  options: DurableConsumerOptions,
  giveUp: (msg: JsMsg, reason: string) => Promise<void>,
): Promise<void> {
  const heartbeat = setInterval(
    () => msg.working(),
    options.heartbeatMs ?? Math.max(1_000, options.ackWaitMs / 3),
  );
  try {
    await options.handle(msg);
    msg.ack();
  } catch (error) {
    const attempt = msg.info.redeliveryCount;
    const permanent = error instanceof PermanentMessageError || isSchemaError(error);
    if (permanent || attempt >= options.maxDeliver) {
      const reason = error instanceof Error ? error.message : String(error);
      options.logger.error(
        { err: error, subject: msg.subject, attempt },
        'giving up on message; dead-lettered',
      );
      try {
        await giveUp(msg, reason);
        msg.ack(); // the dead-letter copy now holds it
      } catch (deadLetterError) {
        options.logger.error({ err: deadLetterError }, 'dead-lettering failed; will retry');
        msg.nak(5_000);
      }
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
