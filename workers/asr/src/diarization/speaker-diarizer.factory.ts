import { MultichannelSpeakerDiarizer } from './multichannel/multichannel-diarizer.adapter.js';
import { NoSpeakerDiarizer } from './no-speaker-diarizer.adapter.js';
import { OfflineSpeakerDiarizer } from './offline/offline-diarizer.adapter.js';
import type { SherpaOnnxSettings } from './sherpa/sherpa-onnx-diarization.js';
import { SherpaOnnxSpeakerDiarizer } from './sherpa/sherpa-onnx-diarizer.adapter.js';
import type { SpeakerDiarizer } from './speaker-diarizer.port.js';

export interface DiarizationSettings {
  /** Who diarizes a mixed (mono) recording. */
  diarizer: 'offline' | 'sherpa-onnx' | 'none';
  /** Recordings with several channels: one speaker per channel when they carry different voices, always, or never. */
  channels: 'auto' | 'always' | 'never';
  sherpaOnnx: Partial<Pick<SherpaOnnxSettings, 'segmentationModel' | 'embeddingModel'>> &
    Omit<SherpaOnnxSettings, 'segmentationModel' | 'embeddingModel'>;
}

/** The diarizer `DIARIZER` and `DIARIZATION_CHANNELS` name; the config has checked sherpa-onnx's files are set. */
export function createSpeakerDiarizer(settings: DiarizationSettings): SpeakerDiarizer {
  const mix = mixDiarizer(settings);
  return settings.channels === 'never' ? mix : new MultichannelSpeakerDiarizer(mix, settings.channels);
}

function mixDiarizer(settings: DiarizationSettings): SpeakerDiarizer {
  switch (settings.diarizer) {
    case 'offline':
      return new OfflineSpeakerDiarizer();
    case 'sherpa-onnx':
      return new SherpaOnnxSpeakerDiarizer({
        ...settings.sherpaOnnx,
        segmentationModel: settings.sherpaOnnx.segmentationModel ?? '',
        embeddingModel: settings.sherpaOnnx.embeddingModel ?? '',
      });
    case 'none':
      return new NoSpeakerDiarizer();
  }
}
