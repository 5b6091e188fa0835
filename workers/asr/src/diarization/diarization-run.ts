import { AsrError } from '../domain/asr-error.js';
import { attributeSpeakers, type AttributedPassage, type RecognisedPassage } from './speaker-attribution.js';
import type { DiarizationInput, DiarizedSpeaker, SpeakerDiarizer } from './speaker-diarizer.port.js';
import type { Diarization } from './speaker-diarizer.port.js';

/**
 * Diarization of one recording, started as soon as it is decoded and running beside the speech
 * engine; recognised passages wait for it only when the first one is ready to publish.
 */
export class DiarizationRun {
  private constructor(private readonly result: Promise<Diarization>) {
    // Awaited later; until then a failure must not count as unhandled.
    result.catch(() => undefined);
  }

  static start(diarizer: SpeakerDiarizer, input: DiarizationInput, signal: AbortSignal): DiarizationRun {
    return new DiarizationRun(
      diarizer.diarize(input, signal).catch((error: unknown) => {
        if (signal.aborted || error instanceof AsrError) throw error;
        throw new AsrError(
          'ENGINE_FAILED',
          `Telling the speakers apart failed (${diarizer.name}): ${error instanceof Error ? error.message : String(error)}`,
          {},
          error,
        );
      }),
    );
  }

  /** The passage, split where the speaker changes, each piece with its speaker. */
  async label(passage: RecognisedPassage): Promise<AttributedPassage[]> {
    return attributeSpeakers(passage, (await this.result).turns);
  }

  async speakers(): Promise<DiarizedSpeaker[]> {
    return (await this.result).speakers;
  }
}
