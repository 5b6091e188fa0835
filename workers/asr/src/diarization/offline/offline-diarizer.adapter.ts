import type { Diarization, DiarizationInput, SpeakerDiarizer } from '../speaker-diarizer.port.js';
import { runDiarizationInThread } from '../thread/run-in-thread.js';

/**
 * The project's own diarizer: MFCC frames, energy speech activity, BIC change detection and
 * agglomerative clustering, Viterbi resegmentation. Needs no model; what it is good at and where it
 * fails is in the README.
 */
export class OfflineSpeakerDiarizer implements SpeakerDiarizer {
  readonly name = 'offline';
  readonly wantsChannels = false;

  async assertReady(): Promise<void> {}

  async diarize(input: DiarizationInput, signal: AbortSignal): Promise<Diarization> {
    const result = await runDiarizationInThread(
      { kind: 'offline', pcmPath: input.pcmPath, maxSpeakers: input.maxSpeakers },
      signal,
    );
    return result ?? { turns: [], speakers: [] };
  }
}
