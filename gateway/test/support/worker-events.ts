import { randomUUID } from 'node:crypto';
import type { NatsConnection } from 'nats';
import type { EventKind, EventPayload } from '@mymeet/contracts';
import { publishEvent } from '@mymeet/testing';

export interface RunScript {
  transcriptId: string;
  /** Every event of the run in publishing order, as the ASR worker and the transcripts service publish them. */
  steps: Array<{ [K in EventKind]: { kind: K; payload: EventPayload<K> } }[EventKind]>;
}

/**
 * A transcription run as it reaches EVENTS: transcript.queued (transcripts service), the worker's
 * DECODING/TRANSCRIBING progress with a segment after each transcribing step, its completion, then
 * transcript.ready once the transcripts service stored it.
 */
export function transcriptRun(segments = 6, transcriptId: string = randomUUID()): RunScript {
  const steps: RunScript['steps'] = [
    { kind: 'transcript.queued', payload: { transcriptId, mediaId: randomUUID(), language: 'en' } },
    { kind: 'transcript.progress', payload: { transcriptId, stage: 'DECODING', percent: 0 } },
    { kind: 'transcript.progress', payload: { transcriptId, stage: 'DECODING', percent: 10 } },
  ];
  for (let index = 0; index < segments; index++) {
    steps.push({
      kind: 'transcript.segment',
      payload: {
        transcriptId,
        index,
        startMs: index * 1000,
        endMs: index * 1000 + 900,
        speaker: 'S1',
        text: `segment ${index}`,
        confidence: 0.9,
      },
    });
    const percent = 10 + Math.floor(((index + 1) * 89) / segments);
    steps.push({ kind: 'transcript.progress', payload: { transcriptId, stage: 'TRANSCRIBING', percent } });
  }
  steps.push(
    {
      kind: 'transcript.completed',
      payload: {
        transcriptId,
        engine: 'test',
        language: 'en',
        durationSeconds: segments,
        segmentCount: segments,
      },
    },
    { kind: 'transcript.ready', payload: { transcriptId, segmentCount: segments, wordCount: segments * 2 } },
  );
  return { transcriptId, steps };
}

/** Publishes the run's steps in order, `delayMs` apart, calling `onStep` after each. */
export async function publishRun(
  nc: NatsConnection,
  meetingId: string,
  run: RunScript,
  options: {
    delayMs?: number;
    from?: number;
    to?: number;
    onStep?: (index: number) => Promise<void> | void;
  } = {},
): Promise<void> {
  const steps = run.steps.slice(options.from ?? 0, options.to);
  for (const [offset, step] of steps.entries()) {
    await publishEvent(nc, step.kind, meetingId, step.payload as never);
    await options.onStep?.((options.from ?? 0) + offset);
    if (options.delayMs) await new Promise((resolve) => setTimeout(resolve, options.delayMs));
  }
}
