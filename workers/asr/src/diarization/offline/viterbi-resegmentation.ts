import type { FrameFeatures } from '../features/mfcc-extractor.js';
import { GaussianStats } from './gaussian-stats.js';
import type { FrameSpan } from './speech-activity.js';

export interface ResegmentationOptions {
  /** Log-likelihood a change of speaker costs inside a stretch of speech. */
  switchPenalty: number;
  varianceFloor: number;
  iterations: number;
}

export const DEFAULT_RESEGMENTATION: ResegmentationOptions = {
  switchPenalty: 200,
  varianceFloor: 0.05,
  iterations: 2,
};

/** A full-covariance Gaussian ready to score frames: its mean and the Cholesky factor of Σ. */
class FrameScorer {
  private readonly mean: Float64Array;
  private readonly chol: Float64Array;
  private readonly constant: number;
  private readonly centred: Float64Array;

  constructor(stats: GaussianStats, varianceFloor: number) {
    const d = stats.dims;
    this.mean = stats.mean();
    this.chol = stats.covariance(varianceFloor);
    let logDet = 0;
    for (let j = 0; j < d; j++) {
      let diagonal = this.chol[j * d + j]!;
      for (let k = 0; k < j; k++) diagonal -= this.chol[j * d + k]! ** 2;
      const root = Math.sqrt(Math.max(diagonal, 1e-12));
      this.chol[j * d + j] = root;
      logDet += 2 * Math.log(root);
      for (let i = j + 1; i < d; i++) {
        let value = this.chol[i * d + j]!;
        for (let k = 0; k < j; k++) value -= this.chol[i * d + k]! * this.chol[j * d + k]!;
        this.chol[i * d + j] = value / root;
      }
    }
    this.constant = -0.5 * (logDet + d * Math.log(2 * Math.PI));
    this.centred = new Float64Array(d);
  }

  logLikelihood(data: Float32Array, offset: number): number {
    const d = this.mean.length;
    const y = this.centred;
    let quadratic = 0;
    // Forward substitution: L y = x - μ, so (x-μ)ᵀ Σ⁻¹ (x-μ) = |y|².
    for (let i = 0; i < d; i++) {
      let value = data[offset + i]! - this.mean[i]!;
      for (let k = 0; k < i; k++) value -= this.chol[i * d + k]! * y[k]!;
      y[i] = value / this.chol[i * d + i]!;
      quadratic += y[i]! * y[i]!;
    }
    return this.constant - 0.5 * quadratic;
  }
}

/**
 * Re-draws the speaker boundaries frame by frame: one Gaussian per speaker scores every speech
 * frame, and a Viterbi pass picks the likeliest sequence of speakers with a price on every change,
 * so boundaries land where the voice changes rather than where change detection's windows put them.
 * Models are re-estimated from the new boundaries and the pass repeated.
 * @param labels the speaker of every frame (-1: no speech); updated in place.
 */
export function resegment(
  features: FrameFeatures,
  regions: readonly FrameSpan[],
  labels: Int32Array,
  speakers: number,
  options: ResegmentationOptions = DEFAULT_RESEGMENTATION,
): void {
  const { data, dims } = features;
  for (let round = 0; round < options.iterations; round++) {
    const models = modelsOf(features, labels, speakers);
    const scorers = models.map((stats) =>
      stats.count > dims ? new FrameScorer(stats, options.varianceFloor) : null,
    );
    const live = scorers.flatMap((scorer, speaker) => (scorer ? [{ scorer, speaker }] : []));
    if (live.length < 2) return;
    for (const region of regions) {
      const length = region.end - region.start;
      const k = live.length;
      const back = new Uint8Array(length * k);
      let score = new Float64Array(k);
      let next = new Float64Array(k);
      for (let t = 0; t < length; t++) {
        const offset = (region.start + t) * dims;
        // Best predecessor other than staying: the top state (or the runner-up for the top itself).
        let top = 0;
        for (let s = 1; s < k; s++) if (score[s]! > score[top]!) top = s;
        let second = top === 0 ? 1 : 0;
        for (let s = 0; s < k; s++) if (s !== top && score[s]! > score[second]!) second = s;
        for (let s = 0; s < k; s++) {
          const other = s === top ? second : top;
          const switched = t === 0 ? score[other]! : score[other]! - options.switchPenalty;
          const stay = score[s]!;
          const from = stay >= switched ? s : other;
          next[s] = Math.max(stay, switched) + live[s]!.scorer.logLikelihood(data, offset);
          back[t * k + s] = from;
        }
        [score, next] = [next, score];
      }
      let state = 0;
      for (let s = 1; s < k; s++) if (score[s]! > score[state]!) state = s;
      for (let t = length - 1; t >= 0; t--) {
        labels[region.start + t] = live[state]!.speaker;
        state = back[t * k + state]!;
      }
    }
  }
}

/** One Gaussian per speaker from the frames currently labelled with it. */
export function modelsOf(features: FrameFeatures, labels: Int32Array, speakers: number): GaussianStats[] {
  const models = Array.from({ length: speakers }, () => new GaussianStats(features.dims));
  for (let frame = 0; frame < labels.length; frame++) {
    const speaker = labels[frame]!;
    if (speaker >= 0) models[speaker]!.addFrame(features.data, frame * features.dims);
  }
  return models;
}
