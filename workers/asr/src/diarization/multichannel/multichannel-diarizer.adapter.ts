import type { Diarization, DiarizationInput, SpeakerDiarizer } from '../speaker-diarizer.port.js';
import { runDiarizationInThread } from '../thread/run-in-thread.js';

export type ChannelMode = 'auto' | 'always';

/**
 * Recordings with one participant per channel (what many recorders and call platforms produce):
 * channel n is speaker Sn, exactly. `auto` first checks that the channels carry different voices
 * (a plain stereo recording of a room does not) and otherwise hands the mix to `mix`; so does a
 * mono recording in either mode.
 */
export class MultichannelSpeakerDiarizer implements SpeakerDiarizer {
  readonly name: string;
  readonly wantsChannels = true;

  constructor(
    private readonly mix: SpeakerDiarizer,
    private readonly mode: ChannelMode,
  ) {
    this.name = `channels+${mix.name}`;
  }

  assertReady(): Promise<void> {
    return this.mix.assertReady();
  }

  async diarize(input: DiarizationInput, signal: AbortSignal): Promise<Diarization> {
    const multichannel = input.multichannel;
    if (multichannel && multichannel.channels >= 2) {
      const byChannel = await runDiarizationInThread(
        {
          kind: 'channels',
          pcmPath: multichannel.path,
          channels: multichannel.channels,
          force: this.mode === 'always',
        },
        signal,
      );
      if (byChannel) return byChannel;
    }
    return this.mix.diarize(input, signal);
  }

  close(): void {
    this.mix.close?.();
  }
}
