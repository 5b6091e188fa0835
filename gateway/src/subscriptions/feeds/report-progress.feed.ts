import type { FeedEntry, ProgressFeed, StreamEvent } from './progress-feed.js';

type Status = 'QUEUED' | 'GENERATING' | 'READY' | 'FAILED';

interface Run {
  status: Status;
  percent: number;
  message: string | null;
  sealed: boolean;
}

interface ReportFeedState {
  runs: Map<string, Run>;
  latest?: FeedEntry;
}

/**
 * `reportProgress`: report.queued → QUEUED; the worker's progress and its result (the service is
 * storing it) → GENERATING; report.completed → READY at 100 and report.failed → FAILED end the run.
 * Percent only grows within a run; events of a run after its end are not shown.
 */
export const reportProgressFeed: ProgressFeed<ReportFeedState> = {
  field: 'reportProgress',
  entities: { report: { queryField: 'report', idOf: (fields) => fields.reportId as string } },
  initialState: () => ({ runs: new Map() }),

  apply(state, event) {
    const reportId = event.payload.reportId;
    if (!event.kind.startsWith('report.') || typeof reportId !== 'string') return undefined;
    const run = state.runs.get(reportId) ?? { status: 'QUEUED', percent: 0, message: null, sealed: false };
    if (run.sealed) return undefined;
    state.runs.set(reportId, run);
    switch (event.kind) {
      case 'report.queued':
        break;
      case 'report.progress':
        run.status = 'GENERATING';
        run.percent = Math.max(run.percent, Math.min(100, event.payload.percent as number));
        break;
      case 'report.generated':
        run.status = 'GENERATING';
        break;
      case 'report.completed':
        run.status = 'READY';
        run.percent = 100;
        run.sealed = true;
        break;
      case 'report.failed':
        run.status = 'FAILED';
        run.message = (event.payload.reason as string | undefined) ?? null;
        run.sealed = true;
        break;
      default:
        return undefined;
    }
    const entry = toEntry(event, reportId, run);
    state.latest = entry;
    return entry;
  },

  current: (state) => state.latest,
};

function toEntry(event: StreamEvent, reportId: string, run: Run): FeedEntry {
  return {
    seq: event.seq,
    runId: reportId,
    terminal: run.sealed,
    mergeable: !run.sealed,
    fields: {
      cursor: String(event.seq),
      meetingId: event.meetingId,
      reportId,
      status: run.status,
      percent: run.percent,
      message: run.message,
      at: event.occurredAt,
    },
  };
}
