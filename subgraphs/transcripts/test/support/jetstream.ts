import type { NatsConnection } from 'nats';
import {
  createEvent,
  eventSubject,
  jobSubject,
  type EventEnvelope,
  type EventKind,
  type EventPayload,
} from '@mymeet/contracts';

/**
 * Publishes an event the way its producer does (the ASR worker, or media's outbox relay): to
 * `events.meeting.<id>.<kind>` with the event id as JetStream's deduplication id.
 */
export async function publishEvent<K extends EventKind>(
  nc: NatsConnection,
  kind: K,
  meetingId: string,
  payload: EventPayload<K>,
): Promise<EventEnvelope<K>> {
  const event = createEvent(kind, meetingId, payload);
  await nc.jetstream().publish(eventSubject(meetingId, kind), JSON.stringify(event), { msgID: event.id });
  return event;
}

/**
 * Puts an already published event on the stream again, same id and bytes: what a consumer sees when
 * JetStream redelivers it (deduplication would drop a publish under the same message id).
 */
export async function deliverAgain(nc: NatsConnection, event: EventEnvelope): Promise<void> {
  await nc.jetstream().publish(eventSubject(event.meetingId, event.kind), JSON.stringify(event));
}

/** Every event of a kind for a meeting on EVENTS, oldest first (an ephemeral ordered consumer). */
export async function eventsOf<K extends EventKind>(
  nc: NatsConnection,
  meetingId: string,
  kind: K,
): Promise<Array<EventEnvelope<K>>> {
  const consumer = await nc.jetstream().consumers.get('EVENTS', { filterSubjects: eventSubject(meetingId, kind) });
  const events: Array<EventEnvelope<K>> = [];
  for (;;) {
    const message = await consumer.next({ expires: 1_000 });
    if (!message) break;
    events.push(message.json());
    if (message.info.pending === 0) break;
  }
  await consumer.delete().catch(() => undefined);
  return events;
}

/**
 * The queued `jobs.<kind>` job with this id, removed from JOBS so no worker takes it. Read by
 * sequence (stream "get" by subject): a work queue allows one consumer per subject, and a worker's
 * may already hold it.
 */
export async function takeJob(
  nc: NatsConnection,
  kind: 'asr',
  id: string,
): Promise<{ id: string; payload: Record<string, unknown> } | undefined> {
  const jsm = await nc.jetstreamManager();
  let sequence = (await jsm.streams.info('JOBS')).state.first_seq;
  for (;;) {
    const stored = await jsm.streams
      // The server (2.9+) takes next_by_subj; nats.js 2.29 only types it for direct gets.
      .getMessage('JOBS', { next_by_subj: jobSubject(kind), seq: sequence } as unknown as { seq: number })
      .catch(() => undefined);
    if (!stored) return undefined;
    const job = stored.json<{ id: string; payload: Record<string, unknown> }>();
    if (job.id === id) {
      await jsm.streams.deleteMessage('JOBS', stored.seq, false);
      return job;
    }
    sequence = stored.seq + 1;
  }
}

/** Waits until a durable consumer has handled (acknowledged) everything on its stream so far. */
export async function waitForConsumer(
  nc: NatsConnection,
  stream: string,
  durable: string,
  timeoutMs = 20_000,
): Promise<void> {
  const jsm = await nc.jetstreamManager();
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const info = await jsm.consumers.info(stream, durable).catch(() => undefined);
    if (info && info.num_pending === 0 && info.num_ack_pending === 0) return;
    if (Date.now() > deadline) throw new Error(`${durable} did not catch up on ${stream}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
