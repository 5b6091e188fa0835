import { z } from 'zod';

/**
 * What a speaker of a run sounds like, so a later run of the same meeting can recognise the voice
 * and keep the name its owner gave. `model` says how the vector was made; only voiceprints of one
 * model compare.
 */
export const voiceprintSchema = z.object({
  model: z.string().min(1).max(200),
  vector: z.array(z.number().finite()).min(1).max(4096),
});

export type Voiceprint = z.output<typeof voiceprintSchema>;

/**
 * The offline diarizer's voiceprint: the mean of each MFCC (c1…c19) over the speaker's speech,
 * then each one's standard deviation: one diagonal Gaussian.
 */
export const MFCC_VOICEPRINT_MODEL = 'mymeet-mfcc-gauss-1';

/**
 * How unlike two voiceprints are: 0 for the same voice, growing with the difference; null when
 * they come from different models and cannot be compared. MFCC voiceprints use the symmetric
 * Kullback-Leibler divergence of their Gaussians per coefficient; embedding models (sherpa-onnx),
 * the cosine distance.
 */
export function voiceDistance(a: Voiceprint, b: Voiceprint): number | null {
  if (a.model !== b.model || a.vector.length !== b.vector.length) return null;
  if (a.model === MFCC_VOICEPRINT_MODEL) return gaussianDivergence(a.vector, b.vector);
  let dot = 0;
  let normA = 0;
  let normB = 0;
  a.vector.forEach((value, i) => {
    const other = b.vector[i]!;
    dot += value * other;
    normA += value * value;
    normB += other * other;
  });
  return normA === 0 || normB === 0 ? null : 1 - dot / Math.sqrt(normA * normB);
}

/** The distance under which two voiceprints of a model are taken for one person. */
export function sameVoiceDistance(model: string): number {
  return model === MFCC_VOICEPRINT_MODEL ? MFCC_SAME_VOICE : EMBEDDING_SAME_VOICE;
}

// Measured on synthesized meetings: the same recording diarized again, or re-encoded (Vorbis) and
// diarized, gives 0.002 for each voice, while distinct voices of one recording were 0.12 or more
// apart. Across different recordings MFCC statistics follow the microphone and the room as much as
// the person (one voice in two meetings ranged up to 0.43, two voices came as close as 0.07), so
// they are trusted only when nearly equal: a name carries over to the same recording transcribed
// again, not to a new one.
const MFCC_SAME_VOICE = 0.05;
// sherpa-onnx's own examples take cosine similarity above 0.5 for one speaker.
const EMBEDDING_SAME_VOICE = 0.5;

function gaussianDivergence(a: readonly number[], b: readonly number[]): number {
  const dims = a.length / 2;
  let total = 0;
  for (let c = 0; c < dims; c++) {
    const varA = Math.max(1e-6, a[dims + c]! ** 2);
    const varB = Math.max(1e-6, b[dims + c]! ** 2);
    const meanGap = (a[c]! - b[c]!) ** 2;
    total += 0.5 * (varA / varB + varB / varA - 2 + meanGap * (1 / varA + 1 / varB));
  }
  return total / dims;
}
