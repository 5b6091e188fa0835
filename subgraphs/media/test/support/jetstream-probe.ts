import type { NatsConnection } from 'nats';
import {
  createEvent,
  eventSubject,
  jobSubject,
  meetingStateSubject,
  type EventKind,
  type EventPayload,
} from '@mymeet/contracts';

/** Publishes an event as its owning service would (through its outbox relay; meeting lifecycle events also to STATE). */
export async function publishEvent<K extends EventKind>(
  nc: NatsConnection,
  kind: K,
  meetingId: string,
  payload: EventPayload<K>,
): Promise<void> {
  const event = createEvent(kind, meetingId, payload);
  await nc.jetstream().publish(eventSubject(meetingId, kind), JSON.stringify(event), { msgID: event.id });
  if (kind.startsWith('meeting.')) {
    await nc
      .jetstream()
      .publish(meetingStateSubject(meetingId), JSON.stringify(event), { msgID: `state-${event.id}` });
  }
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
 * Takes the jobs with these ids off the JOBS work queue, so no worker ever runs them, without a
 * consumer: a work queue allows one consumer per subject, and a worker's may already exist.
 * Messages are read by sequence (stream "get" by subject) and the matching ones deleted.
 */
export async function takeJobs(
  nc: NatsConnection,
  kind: 'asr' | 'media-import',
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

export { waitForCatchUp } from '@mymeet/testing';
