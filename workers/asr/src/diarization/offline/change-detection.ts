import type { FrameFeatures } from '../features/mfcc-extractor.js';
import { GaussianStats } from './gaussian-stats.js';
import type { FrameSpan } from './speech-activity.js';

export interface ChangeDetectionOptions {
  /** Frames on each side of a candidate change. */
  windowFrames: number;
  /** Candidates are this many frames apart. */
  stepFrames: number;
  /** BIC penalty weight: higher finds fewer changes. */
  penalty: number;
  /** Added to every variance: short windows would otherwise make near-singular covariances. */
  varianceFloor: number;
}

export const DEFAULT_CHANGE_DETECTION: ChangeDetectionOptions = {
  windowFrames: 100,
  stepFrames: 5,
  penalty: 1,
  varianceFloor: 0.05,
};

/**
 * Cuts speech regions where the voice changes without a pause: at each candidate frame, BIC
 * compares one Gaussian for the two seconds around it with one for each second on its own
 * (Chen and Gopalakrishnan's test), and keeps the local peaks where two Gaussians win. Windows run
 * over speech frames only, across pauses, so a short region still gets a full window of context.
 * @returns pieces of speech, each meant to hold one voice.
 */
export function splitAtSpeakerChanges(
  features: FrameFeatures,
  regions: readonly FrameSpan[],
  options: ChangeDetectionOptions = DEFAULT_CHANGE_DETECTION,
): FrameSpan[] {
  const frames = speechFrames(regions);
  const changes = new Set(detectChanges(features, frames, options).map((position) => frames[position]!));
  const pieces: FrameSpan[] = [];
  const margin = Math.floor(options.windowFrames / 3);
  for (const region of regions) {
    let start = region.start;
    for (let frame = region.start + margin; frame < region.end - margin; frame++) {
      if (changes.has(frame) && frame - start >= margin) {
        pieces.push({ start, end: frame });
        start = frame;
      }
    }
    pieces.push({ start, end: region.end });
  }
  return pieces;
}

/** Positions (in the sequence of speech frames) where the voice changes. */
function detectChanges(
  features: FrameFeatures,
  frames: Int32Array,
  options: ChangeDetectionOptions,
): number[] {
  const { windowFrames: w, stepFrames: step } = options;
  if (frames.length < 2 * w) return [];
  const { data, dims } = features;
  const left = new GaussianStats(dims);
  const right = new GaussianStats(dims);
  for (let i = 0; i < w; i++) left.addFrame(data, frames[i]! * dims);
  for (let i = w; i < 2 * w; i++) right.addFrame(data, frames[i]! * dims);
  // One Gaussian more costs d means and d(d+1)/2 covariances.
  const penalty = options.penalty * 0.5 * (dims + (dims * (dims + 1)) / 2) * Math.log(2 * w);
  const scores: Array<{ position: number; score: number }> = [];
  for (let t = w; ; t += step) {
    const both = left.merged(right);
    const score =
      0.5 *
        (2 * w * both.logDeterminant(options.varianceFloor) -
          w * left.logDeterminant(options.varianceFloor) -
          w * right.logDeterminant(options.varianceFloor)) -
      penalty;
    scores.push({ position: t, score });
    if (t + step + w > frames.length) break;
    for (let i = 0; i < step; i++) {
      left.removeFrame(data, frames[t - w + i]! * dims);
      left.addFrame(data, frames[t + i]! * dims);
      right.removeFrame(data, frames[t + i]! * dims);
      right.addFrame(data, frames[t + w + i]! * dims);
    }
  }
  const reach = Math.ceil(w / step);
  return scores
    .filter(({ score }, i) => {
      if (score <= 0) return false;
      for (let j = Math.max(0, i - reach); j <= Math.min(scores.length - 1, i + reach); j++) {
        if (scores[j]!.score > score) return false;
      }
      return true;
    })
    .map(({ position }) => position);
}

function speechFrames(regions: readonly FrameSpan[]): Int32Array {
  const total = regions.reduce((sum, region) => sum + region.end - region.start, 0);
  const frames = new Int32Array(total);
  let position = 0;
  for (const region of regions) for (let f = region.start; f < region.end; f++) frames[position++] = f;
  return frames;
}
