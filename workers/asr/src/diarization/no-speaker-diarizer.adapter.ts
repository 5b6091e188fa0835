import type { Diarization, SpeakerDiarizer } from './speaker-diarizer.port.js';

/** `DIARIZER=none`: segments carry no speaker (a recording known to be one voice, or speed first). */
export class NoSpeakerDiarizer implements SpeakerDiarizer {
  readonly name = 'none';
  readonly wantsChannels = false;

  async assertReady(): Promise<void> {}

  async diarize(): Promise<Diarization> {
    return { turns: [], speakers: [] };
  }
}
