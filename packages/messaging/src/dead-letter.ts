import {
  headers as natsHeaders,
  type JetStreamClient,
  type JetStreamManager,
  type NatsConnection,
} from 'nats';
import type { Logger } from '@mymeet/core';
import { DEAD_LETTER_SUBJECT_PREFIX } from '@mymeet/contracts';

/** A message that will never be processed, with why. */
export interface DeadLetter {
  stream: string;
  consumer: string;
  subject: string;
  streamSequence: number;
  deliveries: number;
  reason: string;
  data: Uint8Array;
}

export type DeadLetterHandler = (letter: DeadLetter) => Promise<void>;

/**
 * Copies a dead message to `deadletter.<subject>` (kept in the DEADLETTER stream with its reason),
 * lets the owning service record the failure (e.g. show the meeting FAILED with the reason), and
 * for work queues removes it so it does not sit in the stream forever.
 */
export async function deadLetter(
  js: JetStreamClient,
  jsm: JetStreamManager,
  letter: DeadLetter,
  onDead: DeadLetterHandler,
  removeFromStream: boolean,
): Promise<void> {
  const headers = natsHeaders();
  headers.set('MyMeet-Dead-Reason', letter.reason.slice(0, 1_000).replace(/[\r\n]+/g, ' '));
  headers.set('MyMeet-Original-Subject', letter.subject);
  headers.set('MyMeet-Original-Stream', letter.stream);
  headers.set('MyMeet-Original-Sequence', String(letter.streamSequence));
  headers.set('MyMeet-Deliveries', String(letter.deliveries));
  await js.publish(`${DEAD_LETTER_SUBJECT_PREFIX}.${letter.subject}`, letter.data, {
    headers,
    msgID: `${letter.stream}-${letter.streamSequence}`,
  });
  await onDead(letter);
  if (removeFromStream)
    await jsm.streams.deleteMessage(letter.stream, letter.streamSequence, false).catch(() => false);
}

interface MaxDeliveriesAdvisory {
  stream: string;
  consumer: string;
  stream_seq: number;
  deliveries: number;
}

/**
 * When the last attempt never answers (its process crashed), JetStream gives up silently and only
 * announces it with an advisory: this turns that advisory into a dead letter. A last attempt that
 * fails or times out dead-letters itself; this path only covers crashes. The advisory comes with the
 * last delivery, so it first waits out that attempt's ack_wait. Instances share a queue group, so one
 * of them handles each advisory, and the dead-letter publish carries a message id, so a second copy
 * is dropped.
 */
export function watchMaxDeliveries(
  nc: NatsConnection,
  js: JetStreamClient,
  jsm: JetStreamManager,
  options: {
    stream: string;
    consumer: string;
    ackWaitMs: number;
    logger: Logger;
    onDead: DeadLetterHandler;
    removeFromStream: boolean;
  },
): { stop(): void } {
  const subscription = nc.subscribe(
    `$JS.EVENT.ADVISORY.CONSUMER.MAX_DELIVERIES.${options.stream}.${options.consumer}`,
    {
      queue: `dead-letters-${options.stream}-${options.consumer}`,
      callback: (error, msg) => {
        if (error) return;
        const advisory = msg.json<MaxDeliveriesAdvisory>();
        void (async () => {
          await new Promise((resolve) => setTimeout(resolve, options.ackWaitMs + 500));
          if (await wasAcknowledged(jsm, options.stream, options.consumer, advisory.stream_seq)) return;
          const stored = await jsm.streams
            .getMessage(options.stream, { seq: advisory.stream_seq })
            .catch(() => undefined);
          if (!stored) return; // handled or dead-lettered by another instance
          await deadLetter(
            js,
            jsm,
            {
              stream: options.stream,
              consumer: options.consumer,
              subject: stored.subject,
              streamSequence: advisory.stream_seq,
              deliveries: advisory.deliveries,
              reason: `Gave up after ${advisory.deliveries} deliveries without an answer (the process handling it stopped)`,
              data: stored.data,
            },
            options.onDead,
            options.removeFromStream,
          );
        })().catch((failure: unknown) =>
          options.logger.error({ err: failure }, 'could not dead-letter a message'),
        );
      },
    },
  );
  return { stop: () => subscription.unsubscribe() };
}

async function wasAcknowledged(
  jsm: JetStreamManager,
  stream: string,
  consumer: string,
  sequence: number,
): Promise<boolean> {
  const info = await jsm.consumers.info(stream, consumer).catch(() => undefined);
  return info !== undefined && info.ack_floor.stream_seq >= sequence;
}
