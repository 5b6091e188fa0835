import type { JetStreamClient, JetStreamManager, JsMsg, NatsConnection } from 'nats';
import type { Logger } from '@mymeet/core';
import { STREAMS } from '@mymeet/contracts';
import { deadLetter, watchMaxDeliveries, type DeadLetterHandler } from './dead-letter.js';
import { ensureDurableConsumer } from './ensure-consumer.js';
import { runHandler, type HandlerContext } from './run-handler.js';

/** Thrown by a handler for a message that can never succeed: it is dead-lettered, not retried. */
export class PermanentMessageError extends Error {
  override name = 'PermanentMessageError';
}

export interface DurableConsumerOptions {
  stream: string;
  durable: string;
  /** One subject filter per consumer: multi-filter consumers need NATS 2.10, Debian ships 2.9. */
  filterSubject: string;
  /** Attempts before a message is dead-lettered. */
  maxDeliver: number;
  ackWaitMs: number;
  /** Redelivery delays after a failure, one per attempt (the last repeats). */
  backoffMs: number[];
  /** How often a handler tells JetStream it is still working, so ack_wait does not expire. */
  heartbeatMs?: number;
  /**
   * The longest one attempt may take. Past it the heartbeat stops, the handler's `signal` aborts and
   * the message is retried with backoff (dead-lettered after the last attempt): a hung handler never
   * holds a job forever.
   */
  handlerTimeoutMs: number;
  logger: Logger;
  handle: (msg: JsMsg, context: HandlerContext) => Promise<void>;
  /**
   * Messages handled at once by this instance. One message is pulled per free slot, so nothing waits
   * in a client buffer without heartbeats.
   */
  concurrency?: number;
  /**
   * Where a new durable starts: `all` (the default) replays what the stream holds, so a new service
   * catches up on history; `new` starts at the end. Work queues always start at `all`.
   */
  deliverFrom?: 'all' | 'new';
  /** How long one pull waits for a message before asking again (JetStream's minimum is 1 s). */
  pullExpiresMs?: number;
  /**
   * Records the failure in the owning service once a message is given up on (after the last attempt,
   * at once when it can never succeed, or when every attempt crashed). Must be idempotent: the
   * advisory path and a final attempt may both report the same message.
   */
  onDeadLetter: DeadLetterHandler;
}

export interface RunningConsumer {
  /** Stops pulling and waits up to `drainMs` for handlers in flight; their messages are redelivered if unfinished. */
  stop(drainMs?: number): Promise<void>;
  /** Resolves when every pull loop has ended. */
  done: Promise<void>;
}

export type { HandlerContext };

/**
 * A durable pull consumer shared by every instance of a service: explicit ack, in-progress heartbeats,
 * a handler timeout, bounded redelivery with backoff, and dead letters with their reason.
 */
export async function runDurableConsumer(
  { nc, js, jsm }: { nc: NatsConnection; js: JetStreamClient; jsm: JetStreamManager },
  options: DurableConsumerOptions,
): Promise<RunningConsumer> {
  // One spare delivery beyond the attempts: when an attempt never answered (its process crashed), the
  // spare reaches whichever instance is alive, even one started hours later, and dead-letters the
  // message there. The max-deliveries advisory only covers losing the spare as well.
  await ensureDurableConsumer(jsm, {
    ...options,
    maxDeliver: options.maxDeliver + 1,
    deliverFrom: options.deliverFrom ?? 'all',
  });
  const consumer = await js.consumers.get(options.stream, options.durable);
  const removeFromStream = options.stream === STREAMS.jobs.name;
  const advisories = watchMaxDeliveries(nc, js, jsm, {
    stream: options.stream,
    consumer: options.durable,
    ackWaitMs: options.ackWaitMs,
    logger: options.logger,
    onDead: options.onDeadLetter,
    removeFromStream,
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
      removeFromStream,
    );
  let stopping = false;
  const inFlight = new Set<Promise<void>>();
  const expires = Math.max(1_000, options.pullExpiresMs ?? 5_000);
  const pullLoop = async () => {
    while (!stopping && !nc.isClosed()) {
      const msg = await consumer.next({ expires }).catch((error: unknown) => {
        if (!stopping) options.logger.warn({ err: error, durable: options.durable }, 'pull failed; retrying');
        return null;
      });
      if (!msg) continue;
      if (stopping) {
        msg.nak(); // pulled while stopping: let another instance have it at once
        return;
      }
      const handling = runHandler(msg, options, giveUp);
      inFlight.add(handling);
      await handling.finally(() => inFlight.delete(handling));
    }
  };
  const done = Promise.all(Array.from({ length: options.concurrency ?? 1 }, pullLoop)).then(() => undefined);
  return {
    done,
    stop: async (drainMs = 10_000) => {
      stopping = true;
      advisories.stop();
      // Unfinished handlers are not acked: JetStream redelivers their messages to another instance.
      await Promise.race([
        Promise.all(inFlight),
        new Promise((resolve) => setTimeout(resolve, drainMs).unref()),
      ]);
    },
  };
}
