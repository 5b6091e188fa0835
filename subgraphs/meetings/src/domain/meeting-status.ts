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

/** What of a meeting the pipeline's events move. */
export interface PipelineState {
  status: MeetingStatus;
  failureReason: string | null;
  currentTranscriptId: string | null;
  currentReportId: string | null;
}

export interface PipelineEvent {
  kind: EventKind;
  payload: { transcriptId?: string; reportId?: string; reason?: string };
}

/**
 * How the pipeline's events move a meeting. A new recording or a retranscription starts a run the
 * meeting then follows; a failure records its reason; events of a superseded run, and late events,
 * never move a meeting (no TRANSCRIBED after READY).
 * @returns the new state, or undefined when the event changes nothing.
 */
export function stateAfterEvent(state: PipelineState, event: PipelineEvent): PipelineState | undefined {
  const { transcriptId, reportId, reason } = event.payload;
  const ofCurrentTranscript =
    state.currentTranscriptId === null || transcriptId === state.currentTranscriptId;
  const ofCurrentReport = state.currentReportId === null || reportId === state.currentReportId;
  switch (event.kind) {
    case 'media.ready':
    case 'transcript.queued':
      if (!transcriptId || transcriptId === state.currentTranscriptId) return undefined;
      return {
        ...state,
        status: MeetingStatus.PROCESSING,
        failureReason: null,
        currentTranscriptId: transcriptId,
      };
    // An outcome can overtake its run's start (separate consumers): it then adopts the run, so the
    // late `media.ready` / `transcript.queued` of that run no longer moves the meeting back.
    case 'transcript.ready':
      if (!ofCurrentTranscript || state.status === MeetingStatus.READY) return undefined;
      return {
        ...state,
        status: MeetingStatus.TRANSCRIBED,
        failureReason: null,
        currentTranscriptId: transcriptId ?? state.currentTranscriptId,
      };
    case 'transcript.failed':
      if (!ofCurrentTranscript) return undefined;
      return {
        ...state,
        status: MeetingStatus.FAILED,
        failureReason: reason ?? 'Transcription failed',
        currentTranscriptId: transcriptId ?? state.currentTranscriptId,
      };
    case 'report.queued':
      if (!reportId || reportId === state.currentReportId) return undefined;
      return { ...state, currentReportId: reportId };
    case 'report.completed':
      if (!ofCurrentReport) return undefined;
      return {
        ...state,
        status: MeetingStatus.READY,
        failureReason: null,
        currentReportId: reportId ?? state.currentReportId,
      };
    case 'report.failed':
      if (!ofCurrentReport) return undefined;
      // A failed report leaves the transcript usable: the meeting stays TRANSCRIBED, the reason is shown.
      return {
        ...state,
        status: state.status === MeetingStatus.READY ? state.status : MeetingStatus.TRANSCRIBED,
        failureReason: reason ?? 'Report failed',
        currentReportId: reportId ?? state.currentReportId,
      };
    default:
      return undefined;
  }
}

/** The event kinds that move a meeting's status; the consumer subscribes to exactly these. */
export const STATUS_EVENT_KINDS = [
  'media.ready',
  'transcript.queued',
  'transcript.ready',
  'transcript.failed',
  'report.queued',
  'report.completed',
  'report.failed',
] as const satisfies readonly EventKind[];
