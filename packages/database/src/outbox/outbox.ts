import type { EntityManager } from '@mikro-orm/postgresql';
import {
  createEvent,
  eventSubject,
  type EventEnvelope,
  type EventKind,
  type EventPayload,
} from '@mymeet/contracts';
import { OutboxEvent } from './outbox-event.entity.js';

/** Stages an event in the caller's unit of work; it is committed with the state change it announces. */
export function stageEvent<K extends EventKind>(
  em: EntityManager,
  kind: K,
  meetingId: string,
  payload: EventPayload<K>,
): EventEnvelope<K> {
  const envelope = createEvent(kind, meetingId, payload);
  em.persist(
    em.create(OutboxEvent, {
      id: envelope.id,
      subject: eventSubject(meetingId, kind),
      envelope: envelope as unknown as Record<string, unknown>,
    }),
  );
  return envelope;
}
