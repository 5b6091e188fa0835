import { parseEvent } from '@mymeet/contracts';
import type { TranscriptRepository } from '../repositories/transcript.repository.js';
import { failRun } from './run-failure.js';

/**
 * A worker event this service gave up on (unusable, or its run never became known) would leave the
 * run waiting forever: the run fails at once with the reason, so the user sees why.
 */
export class WorkerDeadLetterService {
  constructor(private readonly transcripts: TranscriptRepository) {}

  /** @returns whether a run was failed. */
  async onDeadLetter(data: Uint8Array, reason: string): Promise<boolean> {
    const transcriptId = transcriptIdOf(data);
    if (!transcriptId) return false;
    return this.transcripts.inTransaction(async (tx) => {
      const run = await tx.lock(transcriptId);
      if (!run) return false;
      return failRun(tx, run, `The transcript could not be stored: ${reason}`);
    });
  }
}

/** The run an event names, when the bytes are an event at all (a payload may fail its schema). */
function transcriptIdOf(data: Uint8Array): string | undefined {
  try {
    const raw = JSON.parse(new TextDecoder().decode(data)) as { payload?: { transcriptId?: unknown } };
    try {
      const event = parseEvent(raw);
      return 'transcriptId' in event.payload ? String(event.payload.transcriptId) : undefined;
    } catch {
      const id = raw.payload?.transcriptId;
      return typeof id === 'string' && /^[0-9a-f-]{36}$/i.test(id) ? id : undefined;
    }
  } catch {
    return undefined;
  }
}
