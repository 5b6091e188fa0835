import type { FrameFeatures } from './features/mfcc-extractor.js';
import { speakerLabel, type Diarization, type SpeakerTurn } from './speaker-diarizer.port.js';
import { MFCC_VOICEPRINT_MODEL, type Voiceprint } from '@mymeet/contracts';

/**
 * Turns from a speaker number per 10 ms frame (-1: nobody): each run of one speaker becomes a
 * turn, and each speaker gets the voiceprint of its frames.
 * @param voiceFeatures the features each speaker's voiceprint is taken from (per speaker for
 *   multichannel recordings, where each voice is cleanest on its own channel).
 */
export function diarizationFromFrames(
  labels: Int32Array,
  hopMs: number,
  speakers: number,
  voiceFeatures: (speaker: number) => FrameFeatures,
): Diarization {
  const turns: SpeakerTurn[] = [];
  let start = -1;
  for (let frame = 0; frame <= labels.length; frame++) {
    const label = frame < labels.length ? labels[frame]! : -1;
    if (start >= 0 && label !== labels[start]) {
      turns.push({ startMs: start * hopMs, endMs: frame * hopMs, speaker: speakerLabel(labels[start]!) });
      start = -1;
    }
    if (start < 0 && label >= 0) start = frame;
  }
  return {
    turns,
    speakers: Array.from({ length: speakers }, (_, speaker) => ({
      label: speakerLabel(speaker),
      voiceprint: voiceprintOf(voiceFeatures(speaker), labels, speaker),
    })),
  };
}

/** Mean and standard deviation of each coefficient over the speaker's frames. */
function voiceprintOf(features: FrameFeatures, labels: Int32Array, speaker: number): Voiceprint | null {
  const { dims, data } = features;
  const sum = new Float64Array(dims);
  const squares = new Float64Array(dims);
  let count = 0;
  for (let frame = 0; frame < labels.length && frame < features.frameCount; frame++) {
    if (labels[frame] !== speaker) continue;
    count += 1;
    for (let c = 0; c < dims; c++) {
      const value = data[frame * dims + c]!;
      sum[c]! += value;
      squares[c]! += value * value;
    }
  }
  if (count < 2) return null;
  const means = Array.from(sum, (value) => value / count);
  const deviations = means.map((mean, c) => Math.sqrt(Math.max(1e-6, squares[c]! / count - mean * mean)));
  return {
    model: MFCC_VOICEPRINT_MODEL,
    vector: [...means, ...deviations].map((v) => Math.round(v * 1e4) / 1e4),
  };
}
