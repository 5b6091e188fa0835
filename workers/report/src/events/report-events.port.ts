import type { EventPayload } from '@mymeet/contracts';

/** What the worker tells the reports service about a run. */
export interface ReportEventsPort {
  progress(meetingId: string, payload: EventPayload<'report.progress'>): Promise<void>;
  generated(meetingId: string, payload: EventPayload<'report.generated'>): Promise<void>;
  failed(meetingId: string, payload: EventPayload<'report.failed'>): Promise<void>;
}
