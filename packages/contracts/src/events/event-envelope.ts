import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { eventCatalogue, type EventKind, type EventPayload } from './event-catalogue.js';

export const EVENT_SCHEMA_VERSION = 1;

/** Every event: an id for idempotent consumers, the schema version, and a payload checked against the catalogue. */
export interface EventEnvelope<K extends EventKind = EventKind> {
  id: string;
  version: number;
  kind: K;
  meetingId: string;
  occurredAt: string;
  payload: EventPayload<K>;
}

const envelopeShape = z.object({
  id: z.uuid(),
  version: z.literal(EVENT_SCHEMA_VERSION),
  kind: z.string(),
  meetingId: z.uuid(),
  occurredAt: z.iso.datetime(),
  payload: z.unknown(),
});

export function eventSubject(meetingId: string, kind: EventKind): string {
  return `events.meeting.${meetingId}.${kind}`;
}

/** Subject filter for one kind across all meetings, e.g. `events.meeting.*.media.ready`. */
export function eventKindFilter(kind: EventKind): string {
  return `events.meeting.*.${kind}`;
}

export function createEvent<K extends EventKind>(
  kind: K,
  meetingId: string,
  payload: EventPayload<K>,
): EventEnvelope<K> {
  const event = {
    id: randomUUID(),
    version: EVENT_SCHEMA_VERSION,
    kind,
    meetingId,
    occurredAt: new Date().toISOString(),
    payload,
  };
  return parseEvent(event) as EventEnvelope<K>;
}

/** Validates an incoming event; throws a ZodError when it does not match its kind's schema. */
export function parseEvent(raw: unknown): EventEnvelope {
  const envelope = envelopeShape.parse(raw);
  if (!(envelope.kind in eventCatalogue)) throw new Error(`Unknown event kind ${envelope.kind}`);
  const kind = envelope.kind as EventKind;
  const payload = eventCatalogue[kind].parse(envelope.payload);
  return { ...envelope, kind, payload } as EventEnvelope;
}
