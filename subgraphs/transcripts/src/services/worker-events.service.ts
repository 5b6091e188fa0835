import type { EntityManager } from '@mikro-orm/postgresql';
import type { EventEnvelope, EventKind } from '@mymeet/contracts';
import { consumeOnce } from '@mymeet/database';
import {
  TranscriptStage,
  TranscriptStatus,
  advanceProgress,
  isTerminal,
} from '../domain/transcript-status.js';
import { TranscriptError, TranscriptErrorCode } from '../domain/transcript-error.js';
import { normalizeSegmentText } from '../domain/transcript-text.js';
import type { TranscriptEntity } from '../entities/transcript.entity.js';
import { TranscriptRepository } from '../repositories/transcript.repository.js';
import type { MeetingAccessPort } from './meeting-access.port.js';
import { completeIfAllSegmentsStored } from './run-completion.js';

/** The ASR worker's events, which this service persists. */
export const WORKER_EVENT_KINDS = [
  'transcript.progress',
  'transcript.segment',
  'transcript.completed',
  'transcript.failed',
] as const satisfies readonly EventKind[];

type WorkerEventKind = (typeof WORKER_EVENT_KINDS)[number];

export function isWorkerEvent(event: EventEnvelope): event is EventEnvelope<WorkerEventKind> {
  return (WORKER_EVENT_KINDS as readonly string[]).includes(event.kind);
}

/**
 * Applies the worker's events to a run, each event id once and in any order: segments are keyed by
 * (run, index) so a redelivered job overwrites them, the status only moves forward, and a completion
 * that announces segments not stored yet waits for them (the sweeper fails it if they never come).
 */
export class WorkerEventsService {
  constructor(
    private readonly em: EntityManager,
    private readonly access: Pick<MeetingAccessPort, 'isDeleted'>,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** @returns false when the event had been applied before or its run is gone for good. */
  async apply(event: EventEnvelope<WorkerEventKind>): Promise<boolean> {
    if (event.kind === 'transcript.segment') assertSegmentTimes(event as EventEnvelope<'transcript.segment'>);
    let applied = false;
    const consumed = await consumeOnce(this.em, event, async (tx) => {
      const transcripts = new TranscriptRepository(tx);
      const run = await transcripts.lock(event.payload.transcriptId);
      if (!run) {
        if (await this.access.isDeleted(event.meetingId)) return;
        throw new TranscriptError(
          TranscriptErrorCode.RUN_NOT_KNOWN_YET,
          `Transcript ${event.payload.transcriptId} is not known yet (its media.ready may still be on the way)`,
        );
      }
      // A sealed run ignores late or replayed work: its segments, text and edits stay as they are.
      if (isTerminal(run.status)) return;
      applied = true;
      await this.applyToRun(transcripts, run, event);
    });
    return consumed && applied;
  }

  private async applyToRun(
    transcripts: TranscriptRepository,
    run: TranscriptEntity,
    event: EventEnvelope<WorkerEventKind>,
  ): Promise<void> {
    const now = this.clock();
    switch (event.kind) {
      case 'transcript.progress': {
        const { stage, percent } = (event as EventEnvelope<'transcript.progress'>).payload;
        Object.assign(run, advanceProgress(run, { stage: stage as TranscriptStage, percent }));
        run.status = TranscriptStatus.PROCESSING;
        return;
      }
      case 'transcript.segment': {
        const segment = (event as EventEnvelope<'transcript.segment'>).payload;
        const text = normalizeSegmentText(segment.text);
        const inserted = await transcripts.segments.upsert({
          transcriptId: run.id,
          index: segment.index,
          startMs: segment.startMs,
          endMs: segment.endMs,
          speaker: segment.speaker ?? null,
          text,
          confidence: segment.confidence ?? null,
          attempt: segment.attempt ?? 0,
          occurredAt: new Date(event.occurredAt),
        });
        if (inserted) run.segmentCount += 1;
        run.status = TranscriptStatus.PROCESSING;
        await completeIfAllSegmentsStored(transcripts, run, now);
        return;
      }
      case 'transcript.completed': {
        const done = (event as EventEnvelope<'transcript.completed'>).payload;
        const attempt = done.attempt ?? 0;
        // An earlier attempt's completion arriving after a later one's: the later attempt decides.
        if (run.reportedSegmentCount !== null && attempt < run.reportedAttempt) return;
        run.status = TranscriptStatus.PROCESSING;
        run.engine = done.engine;
        run.language = done.language ?? run.language;
        run.durationSeconds = done.durationSeconds;
        run.reportedSegmentCount = done.segmentCount;
        run.reportedAttempt = attempt;
        run.reportedAt = now;
        if (done.speakers) {
          await transcripts.speakers.replaceHeard(
            run.id,
            done.speakers.map((speaker) => ({
              label: speaker.label,
              voiceprint: speaker.voiceprint ?? null,
            })),
          );
        }
        await completeIfAllSegmentsStored(transcripts, run, now);
        return;
      }
      case 'transcript.failed': {
        run.status = TranscriptStatus.FAILED;
        run.stage = TranscriptStage.FAILED;
        run.failureReason = (event as EventEnvelope<'transcript.failed'>).payload.reason;
        return;
      }
    }
  }
}

function assertSegmentTimes(event: EventEnvelope<'transcript.segment'>): void {
  const { index, startMs, endMs } = event.payload;
  if (endMs < startMs) {
    throw new TranscriptError(
      TranscriptErrorCode.INVALID_WORKER_EVENT,
      `Segment ${index} ends (${endMs} ms) before it starts (${startMs} ms)`,
    );
  }
}
