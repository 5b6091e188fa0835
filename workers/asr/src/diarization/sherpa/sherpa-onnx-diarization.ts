import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { speakerLabel, type Diarization, type SpeakerTurn } from '../speaker-diarizer.port.js';
import type { SherpaOnnx } from './sherpa-onnx-binding.js';

export interface SherpaOnnxSettings {
  /** pyannote segmentation model (`model.onnx` of sherpa-onnx-pyannote-segmentation-3-0). */
  segmentationModel: string;
  /** A speaker embedding model (3D-Speaker, WeSpeaker or NeMo export for sherpa-onnx). */
  embeddingModel: string;
  /** Cosine distance under which clusters join (sherpa-onnx's own default is 0.5). */
  threshold: number;
  threads: number;
}

const SAMPLE_RATE = 16_000;
/** Speech per speaker the voiceprint is averaged over: the longest turns first. */
const VOICEPRINT_SECONDS = 30;

/**
 * sherpa-onnx's offline pipeline (pyannote segmentation, embeddings, clustering) on the decoded
 * PCM, held in memory as 32-bit floats (230 MB an hour), then one mean embedding per speaker as its
 * voiceprint. More speakers than `maxSpeakers` re-clusters to exactly that many.
 */
export function diarizeWithSherpaOnnx(
  sherpa: SherpaOnnx,
  settings: SherpaOnnxSettings,
  pcmPath: string,
  maxSpeakers: number | undefined,
): Diarization {
  const diarizer = new sherpa.OfflineSpeakerDiarization({
    segmentation: { pyannote: { model: settings.segmentationModel }, numThreads: settings.threads },
    embedding: { model: settings.embeddingModel, numThreads: settings.threads },
    clustering: { threshold: settings.threshold },
    minDurationOn: 0.3,
    minDurationOff: 0.5,
  });
  if (diarizer.sampleRate !== SAMPLE_RATE) {
    throw new Error(
      `The segmentation model expects ${diarizer.sampleRate} Hz audio; the worker decodes to ${SAMPLE_RATE} Hz`,
    );
  }
  const samples = readSamples(pcmPath);
  let segments = diarizer.process(samples);
  if (maxSpeakers && new Set(segments.map((segment) => segment.speaker)).size > maxSpeakers) {
    diarizer.setConfig({ clustering: { numClusters: maxSpeakers } });
    segments = diarizer.process(samples);
  }
  const order = new Map<number, number>();
  const turns: SpeakerTurn[] = segments
    .slice()
    .sort((a, b) => a.start - b.start)
    .map((segment) => {
      if (!order.has(segment.speaker)) order.set(segment.speaker, order.size);
      return {
        startMs: Math.round(segment.start * 1000),
        endMs: Math.round(segment.end * 1000),
        speaker: speakerLabel(order.get(segment.speaker)!),
      };
    });
  const extractor = new sherpa.SpeakerEmbeddingExtractor({
    model: settings.embeddingModel,
    numThreads: settings.threads,
  });
  const model = `sherpa-onnx:${basename(settings.embeddingModel)}`;
  const speakers = [...order.values()].map((index) => {
    const label = speakerLabel(index);
    const vector = meanEmbedding(
      extractor,
      samples,
      turns.filter((turn) => turn.speaker === label),
    );
    return { label, voiceprint: vector ? { model, vector } : null };
  });
  return { turns: withoutOverlaps(turns), speakers };
}

function readSamples(pcmPath: string): Float32Array {
  const bytes = readFileSync(pcmPath);
  const samples = new Float32Array(Math.floor(bytes.length / 2));
  for (let i = 0; i < samples.length; i++) samples[i] = bytes.readInt16LE(i * 2) / 32_768;
  return samples;
}

function meanEmbedding(
  extractor: InstanceType<SherpaOnnx['SpeakerEmbeddingExtractor']>,
  samples: Float32Array,
  turns: readonly SpeakerTurn[],
): number[] | null {
  const longest = turns.slice().sort((a, b) => b.endMs - b.startMs - (a.endMs - a.startMs));
  const sum = new Float64Array(extractor.dim);
  let used = 0;
  let count = 0;
  for (const turn of longest) {
    if (used >= VOICEPRINT_SECONDS * 1000) break;
    const stream = extractor.createStream();
    stream.acceptWaveform({
      samples: samples.subarray((turn.startMs * SAMPLE_RATE) / 1000, (turn.endMs * SAMPLE_RATE) / 1000),
      sampleRate: SAMPLE_RATE,
    });
    stream.inputFinished();
    if (!extractor.isReady(stream)) continue;
    const embedding = extractor.compute(stream);
    embedding.forEach((value, i) => (sum[i]! += value));
    used += turn.endMs - turn.startMs;
    count += 1;
  }
  return count === 0 ? null : Array.from(sum, (value) => Math.round((value / count) * 1e5) / 1e5);
}

/** sherpa-onnx reports overlapping speech as overlapping segments; a transcript line has one speaker, the later one. */
function withoutOverlaps(turns: readonly SpeakerTurn[]): SpeakerTurn[] {
  const result: SpeakerTurn[] = [];
  for (const turn of turns) {
    const previous = result.at(-1);
    if (previous && previous.endMs > turn.startMs) previous.endMs = turn.startMs;
    if (previous && previous.endMs <= previous.startMs) result.pop();
    result.push({ ...turn });
  }
  return result;
}
