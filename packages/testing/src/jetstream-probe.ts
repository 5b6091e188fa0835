import type { NatsConnection } from 'nats';
import {
  createEvent,
  eventSubject,
  jobSubject,
  meetingStateSubject,
  type EventEnvelope,
  type EventKind,
  type EventPayload,
  type JobKind,
} from '@mymeet/contracts';

/**
 * Publishes an event as its producer does (a service's outbox relay, or a worker): to
 * `events.meeting.<id>.<kind>` with the event id as JetStream's deduplication id; meeting lifecycle
 * events also to the compacted STATE stream.
 */
export async function publishEvent<K extends EventKind>(
  nc: NatsConnection,
  kind: K,
  meetingId: string,
  payload: EventPayload<K>,
): Promise<EventEnvelope<K>> {
  const event = createEvent(kind, meetingId, payload);
  const js = nc.jetstream();
  await js.publish(eventSubject(meetingId, kind), JSON.stringify(event), { msgID: event.id });
  if (kind.startsWith('meeting.')) {
    await js.publish(meetingStateSubject(meetingId), JSON.stringify(event), { msgID: `state-${event.id}` });
  }
  return event;
}

/**
 * Puts an already published event on EVENTS again, same id and bytes: what a consumer sees when
 * JetStream redelivers it (a publish under the same message id would be dropped as a duplicate).
 */
export async function deliverAgain(nc: NatsConnection, event: EventEnvelope): Promise<void> {
  await nc.jetstream().publish(eventSubject(event.meetingId, event.kind), JSON.stringify(event));
}

/** The first event of a kind for a meeting on EVENTS, waiting up to 5 s for it (an ephemeral ordered consumer). */
export async function readEvent<K extends EventKind>(
  nc: NatsConnection,
  meetingId: string,
  kind: K,
): Promise<EventEnvelope<K> | undefined> {
  const consumer = await nc
    .jetstream()
    .consumers.get('EVENTS', { filterSubjects: eventSubject(meetingId, kind) });
  const message = await consumer.next({ expires: 5_000 });
  await consumer.delete().catch(() => undefined);
  return message?.json();
}

/** Every event of a kind for a meeting on EVENTS, oldest first (an ephemeral ordered consumer). */
export async function eventsOf<K extends EventKind>(
  nc: NatsConnection,
  meetingId: string,
  kind: K,
): Promise<Array<EventEnvelope<K>>> {
  const consumer = await nc
    .jetstream()
    .consumers.get('EVENTS', { filterSubjects: eventSubject(meetingId, kind) });
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
 * Takes the jobs with these ids off the JOBS work queue, so no worker ever runs them, without a
 * consumer: a work queue allows one consumer per subject, and a worker's may already exist.
 * Messages are read by sequence (stream "get" by subject) and the matching ones deleted.
 */
export async function takeJobs(
  nc: NatsConnection,
  kind: JobKind,
  ids: readonly string[],
): Promise<Array<{ id: string; payload: Record<string, unknown> }>> {
  const jsm = await nc.jetstreamManager();
  const taken: Array<{ id: string; payload: Record<string, unknown> }> = [];
  let sequence = (await jsm.streams.info('JOBS')).state.first_seq;
  for (;;) {
    const stored = await jsm.streams
      // The server (2.9+) takes next_by_subj; nats.js 2.29 only types it for direct gets.
      .getMessage('JOBS', { next_by_subj: jobSubject(kind), seq: sequence } as unknown as { seq: number })
      .catch(() => undefined);
    if (!stored) break;
    const job = stored.json<{ id: string; payload: Record<string, unknown> }>();
    if (ids.includes(job.id) && (await jsm.streams.deleteMessage('JOBS', stored.seq, false))) taken.push(job);
    if (taken.length === ids.length) break;
    sequence = stored.seq + 1;
  }
  return taken;
}
