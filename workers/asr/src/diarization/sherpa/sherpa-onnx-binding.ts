import { createRequire } from 'node:module';

/** The part of `sherpa-onnx-node` this worker uses (the package ships no TypeScript types). */
export interface SherpaOnnx {
  OfflineSpeakerDiarization: new (config: {
    segmentation: { pyannote: { model: string }; numThreads?: number };
    embedding: { model: string; numThreads?: number };
    clustering: { numClusters?: number; threshold?: number };
    minDurationOn?: number;
    minDurationOff?: number;
  }) => {
    sampleRate: number;
    process(samples: Float32Array): Array<{ start: number; end: number; speaker: number }>;
    setConfig(config: { clustering: { numClusters?: number; threshold?: number } }): void;
  };
  SpeakerEmbeddingExtractor: new (config: { model: string; numThreads?: number }) => {
    dim: number;
    createStream(): {
      acceptWaveform(wave: { samples: Float32Array; sampleRate: number }): void;
      inputFinished(): void;
    };
    isReady(stream: unknown): boolean;
    compute(stream: unknown, enableExternalBuffer?: boolean): Float32Array;
  };
}

/** Loads the native binding (prebuilt for the platform from npm); throws when it cannot. */
export function loadSherpaOnnx(): SherpaOnnx {
  return createRequire(import.meta.url)('sherpa-onnx-node') as SherpaOnnx;
}
