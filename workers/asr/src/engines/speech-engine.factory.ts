import type { AsrConfig } from '../config.js';
import { OpenAiTranscriptionEngine } from './openai/openai-transcription.adapter.js';
import { PocketSphinxEngine } from './pocketsphinx/pocketsphinx.adapter.js';
import type { SpeechEngine } from './speech-engine.port.js';
import { WhisperCppEngine } from './whisper/whisper-cpp.adapter.js';

/** The engine `ASR_ENGINE` names; the config has already checked its settings are present. */
export function createSpeechEngine(config: AsrConfig): SpeechEngine & { close?: () => void } {
  switch (config.engine) {
    case 'pocketsphinx':
      return new PocketSphinxEngine({ ...config.pocketsphinx, defaultLanguage: config.defaultLanguage });
    case 'whisper':
      return new WhisperCppEngine({ ...config.whisper, modelPath: config.whisper.modelPath! });
    case 'openai':
      return new OpenAiTranscriptionEngine({ ...config.api, url: config.api.url! });
  }
}
