import type { NatsConnection } from 'nats';
import { eventSubject, type EventEnvelope, type EventKind } from '@mymeet/contracts';

/** Every event of a kind for a meeting on EVENTS so far, oldest first (an ephemeral ordered consumer). */
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
