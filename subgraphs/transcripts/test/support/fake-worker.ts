import type { NatsConnection } from 'nats';
import type { EventEnvelope, EventPayload } from '@mymeet/contracts';
import { publishEvent } from '@mymeet/testing';

export type SegmentPayload = Omit<EventPayload<'transcript.segment'>, 'transcriptId' | 'attempt'>;

/**
 * Publishes exactly what the ASR worker publishes for a run, so tests can drive any order of events.
 * `attempt` is the job delivery the worker is on (a redelivered job is attempt 2, …).
 */
export class FakeWorker {
  constructor(
    private readonly nc: NatsConnection,
    readonly meetingId: string,
    readonly transcriptId: string,
    readonly attempt = 1,
  ) {}

  /** The same job, delivered again (after a crash or a timeout). */
  redelivered(): FakeWorker {
    return new FakeWorker(this.nc, this.meetingId, this.transcriptId, this.attempt + 1);
  }

  progress(stage: EventPayload<'transcript.progress'>['stage'], percent: number) {
    return publishEvent(this.nc, 'transcript.progress', this.meetingId, {
      transcriptId: this.transcriptId,
      stage,
      percent,
    });
  }

  segment(segment: SegmentPayload): Promise<EventEnvelope<'transcript.segment'>> {
    return publishEvent(this.nc, 'transcript.segment', this.meetingId, {
      transcriptId: this.transcriptId,
      ...segment,
      attempt: this.attempt,
    });
  }

  completed(
    segmentCount: number,
    durationSeconds = 60,
    engine = 'pocketsphinx',
    speakers?: EventPayload<'transcript.completed'>['speakers'],
  ) {
    return publishEvent(this.nc, 'transcript.completed', this.meetingId, {
      transcriptId: this.transcriptId,
      engine,
      language: 'en',
      durationSeconds,
      segmentCount,
      attempt: this.attempt,
      ...(speakers ? { speakers } : {}),
    });
  }

  failed(reason: string) {
    return publishEvent(this.nc, 'transcript.failed', this.meetingId, {
      transcriptId: this.transcriptId,
      reason,
    });
  }

  /** A whole run in the usual order: progress, every segment, completion. */
  async run(
    segments: readonly SegmentPayload[],
    speakers?: EventPayload<'transcript.completed'>['speakers'],
  ): Promise<EventEnvelope[]> {
    const events: EventEnvelope[] = [await this.progress('DECODING', 5)];
    events.push(await this.progress('TRANSCRIBING', 20));
    for (const segment of segments) events.push(await this.segment(segment));
    events.push(await this.completed(segments.length, 60, 'pocketsphinx', speakers));
    return events;
  }
}

/** Segments of a small meeting: two speakers taking turns, 3 s each with a short pause. */
export function sampleSegments(
  count: number,
  speakers: readonly (string | null)[] = ['S1', 'S2'],
): SegmentPayload[] {
  return Array.from({ length: count }, (_, index) => ({
    index,
    startMs: index * 3_500,
    endMs: index * 3_500 + 3_000,
    speaker: speakers[index % speakers.length] ?? null,
    text: `segment number ${index} says hello & <welcome>`,
    confidence: 0.9,
  }));
}
