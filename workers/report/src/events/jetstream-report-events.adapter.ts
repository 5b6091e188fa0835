import type { JetStreamClient } from 'nats';
import { createEvent, eventSubject, type EventKind, type EventPayload } from '@mymeet/contracts';
import type { ReportEventsPort } from './report-events.port.js';

/**
 * Publishes straight to the EVENTS stream (the worker owns no database, so no outbox). The message
 * id names the run and the step, so a redelivered job publishing the same step again within the
 * duplicate window is dropped by JetStream; the reports service also applies each run's result once.
 */
export class JetStreamReportEvents implements ReportEventsPort {
  constructor(private readonly js: JetStreamClient) {}

  progress(meetingId: string, payload: EventPayload<'report.progress'>): Promise<void> {
    return this.publish(
      'report.progress',
      meetingId,
      payload,
      `${payload.stage}.${Math.round(payload.percent)}`,
    );
  }

  generated(meetingId: string, payload: EventPayload<'report.generated'>): Promise<void> {
    return this.publish('report.generated', meetingId, payload, 'generated');
  }

  failed(meetingId: string, payload: EventPayload<'report.failed'>): Promise<void> {
    return this.publish('report.failed', meetingId, payload, 'failed');
  }

  private async publish<K extends EventKind>(
    kind: K,
    meetingId: string,
    payload: EventPayload<K> & { reportId: string },
    step: string,
  ): Promise<void> {
    const event = createEvent(kind, meetingId, payload);
    await this.js.publish(eventSubject(meetingId, kind), JSON.stringify(event), {
      msgID: `report.${payload.reportId}.${step}`,
    });
  }
}
