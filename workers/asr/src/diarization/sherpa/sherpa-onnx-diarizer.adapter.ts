import { access, constants } from 'node:fs/promises';
import { AsrError } from '../../domain/asr-error.js';
import type { Diarization, DiarizationInput, SpeakerDiarizer } from '../speaker-diarizer.port.js';
import { loadSherpaOnnx } from './sherpa-onnx-binding.js';
import type { SherpaOnnxSettings } from './sherpa-onnx-diarization.js';
import { diarizeInSherpaOnnxChild } from './sherpa-onnx-process.js';

/**
 * sherpa-onnx (`sherpa-onnx-node`, prebuilt from npm) with model files the user supplies: a pyannote
 * segmentation model and a speaker embedding model, in a child process per recording.
 */
export class SherpaOnnxSpeakerDiarizer implements SpeakerDiarizer {
  readonly name = 'sherpa-onnx';
  readonly wantsChannels = false;

  constructor(
    private readonly settings: SherpaOnnxSettings,
    private readonly load: () => unknown = loadSherpaOnnx,
  ) {}

  async assertReady(): Promise<void> {
    await this.assertReadable(
      this.settings.segmentationModel,
      'DIARIZATION_SEGMENTATION_MODEL',
      'a pyannote segmentation model (sherpa-onnx-pyannote-segmentation-3-0/model.onnx)',
    );
    await this.assertReadable(
      this.settings.embeddingModel,
      'DIARIZATION_EMBEDDING_MODEL',
      'a speaker embedding model (e.g. 3dspeaker_speech_eres2net_base_sv_zh-cn_3dspeaker_16k.onnx or nemo_en_titanet_small.onnx)',
    );
    try {
      this.load();
    } catch (error) {
      throw new AsrError(
        'MODEL_UNAVAILABLE',
        `sherpa-onnx could not be loaded on this worker (${error instanceof Error ? error.message.split('\n')[0] : String(error)}). ` +
          'Install the worker with its optional sherpa-onnx-linux-x64 package, or set DIARIZER=offline.',
        { reason: 'MODEL_UNAVAILABLE' },
        error,
      );
    }
  }

  async diarize(input: DiarizationInput, signal: AbortSignal): Promise<Diarization> {
    return diarizeInSherpaOnnxChild(
      { pcmPath: input.pcmPath, maxSpeakers: input.maxSpeakers, settings: this.settings },
      signal,
    );
  }

  private async assertReadable(path: string, variable: string, what: string): Promise<void> {
    await access(path, constants.R_OK).catch((error: unknown) => {
      throw new AsrError(
        'MODEL_UNAVAILABLE',
        `The speaker diarization model ${path} (${variable}) does not exist or cannot be read. ` +
          `DIARIZER=sherpa-onnx needs ${what} on the worker; or set DIARIZER=offline.`,
        { reason: 'MODEL_UNAVAILABLE', field: variable },
        error,
      );
    });
  }
}
