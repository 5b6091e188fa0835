import type { JetStreamClient } from 'nats';
import {
  createEvent,
  eventSubject,
  type EventEnvelope,
  type EventKind,
  type EventPayload,
} from '@mymeet/contracts';

/** Publishes validated events; the event id is the JetStream message id, so a retried publish is dropped as a duplicate. */
export class EventPublisher {
  constructor(private readonly js: JetStreamClient) {}

  async publish<K extends EventKind>(
    kind: K,
    meetingId: string,
    payload: EventPayload<K>,
  ): Promise<EventEnvelope<K>> {
    const event = createEvent(kind, meetingId, payload);
    await this.js.publish(eventSubject(meetingId, kind), JSON.stringify(event), { msgID: event.id });
    return event;
  }
}
