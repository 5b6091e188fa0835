import type { EventKind } from '@mymeet/contracts';

export enum MeetingStatus {
  SCHEDULED = 'SCHEDULED',
  AWAITING_MEDIA = 'AWAITING_MEDIA',
  PROCESSING = 'PROCESSING',
  TRANSCRIBED = 'TRANSCRIBED',
  READY = 'READY',
  FAILED = 'FAILED',
}

/** A new meeting waits for its scheduled time, or for its recording when it has no future time. */
export function initialStatus(scheduledAt: Date | undefined, now = new Date()): MeetingStatus {
  return scheduledAt && scheduledAt > now ? MeetingStatus.SCHEDULED : MeetingStatus.AWAITING_MEDIA;
}

export interface StatusChange {
  status: MeetingStatus;
  failureReason: string | null;
}

/**
 * How the pipeline's events move a meeting. A new recording or a retry restarts processing;
 * a failure records its reason; late events of an earlier run never move a meeting backwards.
 */
export function statusAfterEvent(
  current: MeetingStatus,
  kind: EventKind,
  reason?: string,
): StatusChange | undefined {
  switch (kind) {
    case 'media.ready':
      return { status: MeetingStatus.PROCESSING, failureReason: null };
    case 'transcript.completed':
      return current === MeetingStatus.READY
        ? undefined
        : { status: MeetingStatus.TRANSCRIBED, failureReason: null };
    case 'report.completed':
      return { status: MeetingStatus.READY, failureReason: null };
    case 'transcript.failed':
      return { status: MeetingStatus.FAILED, failureReason: reason ?? 'Transcription failed' };
    case 'report.failed':
      // A failed report leaves the transcript usable: the meeting stays TRANSCRIBED, the reason is shown.
      return {
        status: current === MeetingStatus.READY ? current : MeetingStatus.TRANSCRIBED,
        failureReason: reason ?? 'Report failed',
      };
    default:
      return undefined;
  }
}

/** The event kinds that move a meeting's status; the consumer subscribes to exactly these. */
export const STATUS_EVENT_KINDS = [
  'media.ready',
  'transcript.completed',
  'transcript.failed',
  'report.completed',
  'report.failed',
] as const satisfies readonly EventKind[];
