import { createHash } from 'node:crypto';
import type { JetStreamClient, JetStreamManager } from 'nats';
import {
  EVENT_SCHEMA_VERSION,
  STREAMS,
  eventSubject,
  parseEvent,
  type EventKind,
  type EventPayload,
} from '@mymeet/contracts';
import { deterministicUuid } from '../domain/deterministic-id.js';
import type { TranscriptEventsPort } from './transcript-events.port.js';

/**
 * Publishes straight to the EVENTS stream (the worker has no database, so no outbox) with ids
 * derived from the content (attempt included): a publish repeated after a lost acknowledgement
 * carries the same id and is dropped by JetStream's duplicate window and by the consumers'
 * processed-event record. A redelivered job's segments carry its higher attempt, so the transcripts
 * service lets them replace the earlier attempt's under the same indexes.
 */
export class JetStreamTranscriptEvents implements TranscriptEventsPort {
  constructor(
    private readonly js: JetStreamClient,
    private readonly jsm: JetStreamManager,
  ) {}

  progress(meetingId: string, payload: EventPayload<'transcript.progress'>) {
    return this.publish('transcript.progress', meetingId, payload, [
      payload.transcriptId,
      'progress',
      payload.stage,
      payload.percent,
    ]);
  }

  segment(meetingId: string, payload: EventPayload<'transcript.segment'>) {
    const content = createHash('sha1').update(JSON.stringify(payload)).digest('hex');
    return this.publish('transcript.segment', meetingId, payload, [
      payload.transcriptId,
      'segment',
      payload.index,
      content,
    ]);
  }

  completed(meetingId: string, payload: EventPayload<'transcript.completed'>) {
    return this.publish('transcript.completed', meetingId, payload, [
      payload.transcriptId,
      'completed',
      payload.attempt ?? 0,
    ]);
  }

  failed(meetingId: string, payload: EventPayload<'transcript.failed'>) {
    return this.publish('transcript.failed', meetingId, payload, [payload.transcriptId, 'failed']);
  }

  async progressFloor(meetingId: string, transcriptId: string): Promise<number> {
    const last = await this.jsm.streams
      .getMessage(STREAMS.events.name, { last_by_subj: eventSubject(meetingId, 'transcript.progress') })
      .catch(() => undefined);
    if (!last) return 0;
    const event = last.json<{ payload?: { transcriptId?: string; percent?: number } }>();
    return event.payload?.transcriptId === transcriptId ? (event.payload.percent ?? 0) : 0;
  }

  private async publish<K extends EventKind>(
    kind: K,
    meetingId: string,
    payload: EventPayload<K>,
    idParts: ReadonlyArray<string | number>,
  ): Promise<void> {
    const event = parseEvent({
      id: deterministicUuid(kind, ...idParts),
      version: EVENT_SCHEMA_VERSION,
      kind,
      meetingId,
      occurredAt: new Date().toISOString(),
      payload,
    });
    await this.js.publish(eventSubject(meetingId, kind), JSON.stringify(event), { msgID: event.id });
  }
}
