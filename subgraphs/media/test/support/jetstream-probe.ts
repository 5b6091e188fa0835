import { randomUUID } from 'node:crypto';
import { AckPolicy, DeliverPolicy, type NatsConnection } from 'nats';
import { createEvent, eventSubject, jobSubject, type EventKind, type EventPayload } from '@mymeet/contracts';

/** Publishes an event as its owning service would (through its outbox relay). */
export async function publishEvent<K extends EventKind>(
  nc: NatsConnection,
  kind: K,
  meetingId: string,
  payload: EventPayload<K>,
): Promise<void> {
  const event = createEvent(kind, meetingId, payload);
  await nc.jetstream().publish(eventSubject(meetingId, kind), JSON.stringify(event), { msgID: event.id });
}

/** The first event of a kind for a meeting on the EVENTS stream (an ephemeral ordered consumer). */
export async function readEvent(
  nc: NatsConnection,
  meetingId: string,
  kind: EventKind,
): Promise<{ id: string; payload: Record<string, unknown> } | undefined> {
  const consumer = await nc
    .jetstream()
    .consumers.get('EVENTS', { filterSubjects: eventSubject(meetingId, kind) });
  const message = await consumer.next({ expires: 5_000 });
  return message?.json();
}

/**
 * Takes the jobs with these ids off the JOBS work queue through a temporary durable consumer
 * (acked, so no worker ever runs them), leaves every other job alone, and deletes the consumer.
 */
export async function takeJobs(
  nc: NatsConnection,
  kind: 'asr' | 'media-import',
  ids: readonly string[],
): Promise<Array<{ id: string; payload: Record<string, unknown> }>> {
  const jsm = await nc.jetstreamManager();
  const durable = `media-test-probe-${randomUUID().slice(0, 8)}`;
  await jsm.consumers.add('JOBS', {
    durable_name: durable,
    filter_subject: jobSubject(kind),
    ack_policy: AckPolicy.Explicit,
    deliver_policy: DeliverPolicy.All,
    ack_wait: 5_000_000_000,
  });
  const taken: Array<{ id: string; payload: Record<string, unknown> }> = [];
  try {
    const consumer = await nc.jetstream().consumers.get('JOBS', durable);
    const pending = (await consumer.info()).num_pending;
    if (pending > 0) {
      const batch = await consumer.fetch({ max_messages: Math.min(pending, 1000), expires: 3_000 });
      for await (const message of batch) {
        const job = message.json<{ id: string; payload: Record<string, unknown> }>();
        if (ids.includes(job.id)) {
          taken.push(job);
          message.ack();
        }
        if (taken.length === ids.length) break;
      }
    }
  } finally {
    await jsm.consumers.delete('JOBS', durable);
  }
  return taken;
}

/** Waits until a durable consumer has handled everything already on its stream (a fresh one replays history). */
export async function waitForCatchUp(
  nc: NatsConnection,
  stream: string,
  durable: string,
  timeoutMs = 60_000,
): Promise<void> {
  const jsm = await nc.jetstreamManager();
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const info = await jsm.consumers.info(stream, durable).catch(() => undefined);
    if (info && info.num_pending === 0 && info.num_ack_pending === 0) return;
    if (Date.now() > deadline) throw new Error(`${durable} did not catch up on ${stream}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
