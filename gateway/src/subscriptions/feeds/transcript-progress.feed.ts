import type { FeedEntry, ProgressFeed, StreamEvent } from './progress-feed.js';

const STAGES = ['QUEUED', 'DECODING', 'TRANSCRIBING', 'INDEXING', 'COMPLETED', 'FAILED'] as const;
type Stage = (typeof STAGES)[number];

interface Run {
  stage: Stage;
  percent: number;
  message: string | null;
  sealed: boolean;
}

interface TranscriptFeedState {
  runs: Map<string, Run>;
  latest?: FeedEntry;
}

/**
 * `transcriptProgress`: media.ready and transcript.queued → QUEUED; the worker's progress (its own stages), segments
 * (TRANSCRIBING) and completion (INDEXING: the transcripts service is storing it); transcript.ready →
 * COMPLETED at 100 and transcript.failed → FAILED end the run. Per run, stage and percent only move
 * forward, so a redelivered job or an event that overtook another never moves the bar back; events of
 * a run after its end are not shown.
 */
export const transcriptProgressFeed: ProgressFeed<TranscriptFeedState> = {
  field: 'transcriptProgress',
  entities: { meeting: { queryField: 'meeting', idOf: (fields) => fields.meetingId as string } },
  initialState: () => ({ runs: new Map() }),

  apply(state, event) {
    const transcriptId = event.payload.transcriptId;
    const relevant = event.kind.startsWith('transcript.') || event.kind === 'media.ready';
    if (!relevant || typeof transcriptId !== 'string') return undefined;
    const run = state.runs.get(transcriptId) ?? { stage: 'QUEUED', percent: 0, message: null, sealed: false };
    if (run.sealed) return undefined;
    state.runs.set(transcriptId, run);
    let segment: Record<string, unknown> | null = null;
    switch (event.kind) {
      // media.ready names the run its transcription job fills and reaches the stream before the job
      // does, so it is the first QUEUED a watcher sees; transcript.queued (a retranscription's only
      // start) follows once the transcripts service has created the run.
      case 'media.ready':
      case 'transcript.queued':
        break;
      case 'transcript.progress': {
        const reported = event.payload.stage as Stage;
        // A run ends by its outcome, never by a progress report.
        advance(run, reported === 'COMPLETED' || reported === 'FAILED' ? 'INDEXING' : reported);
        run.percent = Math.max(run.percent, Math.min(100, event.payload.percent as number));
        run.message = (event.payload.message as string | null | undefined) ?? null;
        break;
      }
      case 'transcript.segment': {
        advance(run, 'TRANSCRIBING');
        const p = event.payload;
        segment = {
          transcriptId,
          index: p.index,
          startMs: p.startMs,
          endMs: p.endMs,
          speaker: p.speaker ?? null,
          text: p.text,
          confidence: p.confidence ?? null,
          // As heard: nobody can have corrected a segment that is still arriving.
          rawText: p.text,
          edited: false,
        };
        break;
      }
      case 'transcript.completed':
        advance(run, 'INDEXING');
        break;
      case 'transcript.ready':
        run.stage = 'COMPLETED';
        run.percent = 100;
        run.sealed = true;
        break;
      case 'transcript.failed':
        run.stage = 'FAILED';
        run.message = (event.payload.reason as string | undefined) ?? null;
        run.sealed = true;
        break;
      default:
        return undefined;
    }
    const entry = toEntry(event, transcriptId, run, segment);
    state.latest = entry;
    return entry;
  },

  current(state) {
    const latest = state.latest;
    if (!latest || latest.fields.segment === null) return latest;
    return { ...latest, fields: { ...latest.fields, segment: null }, mergeable: !latest.terminal };
  },
};

function advance(run: Run, stage: Stage): void {
  if (STAGES.indexOf(stage) > STAGES.indexOf(run.stage)) run.stage = stage;
}

function toEntry(
  event: StreamEvent,
  transcriptId: string,
  run: Run,
  segment: Record<string, unknown> | null,
): FeedEntry {
  return {
    seq: event.seq,
    runId: transcriptId,
    terminal: run.sealed,
    mergeable: !run.sealed && segment === null,
    fields: {
      cursor: String(event.seq),
      meetingId: event.meetingId,
      transcriptId,
      stage: run.stage,
      percent: run.percent,
      segment,
      message: run.message,
      at: event.occurredAt,
    },
  };
}
