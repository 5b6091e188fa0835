import type { FrameFeatures } from '../features/mfcc-extractor.js';
import { clusterAgglomeratively, renumber, type ClusteringOptions } from './agglomerative-clustering.js';
import {
  DEFAULT_CHANGE_DETECTION,
  splitAtSpeakerChanges,
  type ChangeDetectionOptions,
} from './change-detection.js';
import { GaussianStats } from './gaussian-stats.js';
import {
  DEFAULT_SPEECH_ACTIVITY,
  detectSpeech,
  type FrameSpan,
  type SpeechActivityOptions,
} from './speech-activity.js';
import {
  DEFAULT_RESEGMENTATION,
  modelsOf,
  resegment,
  type ResegmentationOptions,
} from './viterbi-resegmentation.js';

export interface OfflineDiarizationOptions {
  speech: SpeechActivityOptions;
  changes: ChangeDetectionOptions;
  clustering: Omit<ClusteringOptions, 'maxClusters'>;
  resegmentation: ResegmentationOptions;
  /** Pieces shorter than this are too short to model; resegmentation gives them a speaker. */
  minPieceFrames: number;
  /**
   * Two speakers whose frames one Gaussian explains within this many nats a frame of two are one
   * voice. Unlike BIC's penalty this does not grow with the amount of speech, which in long
   * meetings would keep one person's calmer and livelier turns apart.
   */
  sameVoiceGain: number;
  /**
   * Short speakers' Gaussians follow what was said as much as who said it: two of one voice also
   * merge while BIC with this penalty weight prefers one Gaussian for them (it allows a larger gain
   * the less speech there is, and nothing extra past a few minutes). Measured on 50 synthesized
   * meetings: 2 to 2.5 keep one voice whole when each person says two lines three times (at 1.5 it
   * became seven speakers) and still tell four people of 8 s each apart (at 3 it found three).
   */
  sameVoicePenalty: number;
  /** A speaker with less speech than this is folded into the nearest voice (a cough, a stray word). */
  minSpeakerFrames: number;
}

export const DEFAULT_OFFLINE_DIARIZATION: OfflineDiarizationOptions = {
  speech: DEFAULT_SPEECH_ACTIVITY,
  changes: DEFAULT_CHANGE_DETECTION,
  clustering: { penalty: 1.5, varianceFloor: 0.05, minClusters: 1 },
  resegmentation: DEFAULT_RESEGMENTATION,
  minPieceFrames: 50,
  sameVoiceGain: 0.4,
  sameVoicePenalty: 2.5,
  minSpeakerFrames: 200,
};

export interface FrameDiarization {
  /** The speaker of every frame, numbered from 0 in order of first appearance; -1 where nobody speaks. */
  labels: Int32Array;
  speakers: number;
}

/**
 * The whole offline pipeline on frame features: speech activity, change detection, BIC
 * agglomerative clustering (which estimates how many speak, within `maxSpeakers`), and Viterbi
 * resegmentation.
 */
export function diarizeFrames(
  features: FrameFeatures,
  maxSpeakers: number | undefined,
  options: OfflineDiarizationOptions = DEFAULT_OFFLINE_DIARIZATION,
): FrameDiarization {
  const labels = new Int32Array(features.frameCount).fill(-1);
  const regions = detectSpeech(features.levelDb, options.speech);
  if (regions.length === 0) return { labels, speakers: 0 };
  const pieces = splitAtSpeakerChanges(features, regions, options.changes);
  const modelled = pieces.filter((piece) => piece.end - piece.start >= options.minPieceFrames);
  const clustered = modelled.length > 0 ? modelled : pieces;
  const assignment = clusterAgglomeratively(
    clustered.map((piece) => GaussianStats.of(features.data, features.dims, framesOf(piece))),
    { ...options.clustering, maxClusters: maxSpeakers },
  );
  clustered.forEach((piece, i) => labels.fill(assignment[i]!, piece.start, piece.end));
  fillShortPieces(labels, pieces);
  mergeSameVoices(features, labels, maxSpeakers, options);
  let { speakers } = relabel(labels);
  if (speakers > 1) resegment(features, regions, labels, speakers, options.resegmentation);
  // New boundaries can leave a voice with next to nothing, or two voices alike: settle those and
  // draw the boundaries once more.
  if (mergeSameVoices(features, labels, maxSpeakers, options)) {
    ({ speakers } = relabel(labels));
    if (speakers > 1)
      resegment(features, regions, labels, speakers, { ...options.resegmentation, iterations: 1 });
  }
  return relabel(labels);
}

/**
 * Merges speakers that are one voice (see `sameVoiceGain`), too small to be a speaker, or over the
 * participant count, closest pair first, on their statistics alone (no pass over the frames per
 * merge: an hour's BIC clustering can leave a few dozen clusters).
 * @returns whether anything merged.
 */
function mergeSameVoices(
  features: FrameFeatures,
  labels: Int32Array,
  maxSpeakers: number | undefined,
  options: OfflineDiarizationOptions,
): boolean {
  const { speakers } = relabel(labels);
  const models: Array<GaussianStats | null> = modelsOf(features, labels, speakers);
  const target = Int32Array.from({ length: speakers }, (_, i) => i);
  let merged = false;
  for (let alive = speakers; alive > 1; alive--) {
    const live = models.flatMap((model, id) => (model ? [{ model, id }] : []));
    const closest = closestPair(
      live.map((entry) => entry.model),
      options,
    );
    if (!closest) break;
    const mustMerge =
      alive > (maxSpeakers ?? Infinity) || closest.margin < 0 || closest.smallest < options.minSpeakerFrames;
    if (!mustMerge) break;
    const keep = live[closest.first]!.id;
    const drop = live[closest.second]!.id;
    models[keep]!.add(models[drop]!);
    models[drop] = null;
    for (let id = 0; id < target.length; id++) if (target[id] === drop) target[id] = keep;
    merged = true;
  }
  if (merged) for (let f = 0; f < labels.length; f++) if (labels[f]! >= 0) labels[f] = target[labels[f]!]!;
  return merged;
}

/**
 * The two speakers most alike: the per-frame log-likelihood gain of two Gaussians over one, against
 * the gain under which they count as one voice (`margin` below 0: one voice).
 */
function closestPair(
  models: readonly GaussianStats[],
  options: OfflineDiarizationOptions,
): { first: number; second: number; margin: number; smallest: number } | null {
  const floor = options.clustering.varianceFloor;
  const weighted = models.map((model) => model.count * model.logDeterminant(floor));
  let best: { first: number; second: number; margin: number; smallest: number } | null = null;
  const tiny = models.findIndex((model) => model.count < options.minSpeakerFrames);
  for (let i = 0; i < models.length; i++) {
    for (let j = i + 1; j < models.length; j++) {
      if (tiny >= 0 && i !== tiny && j !== tiny) continue;
      const merged = models[i]!.merged(models[j]!);
      const n = merged.count;
      const gain = (n * merged.logDeterminant(floor) - weighted[i]! - weighted[j]!) / (2 * n);
      const d = merged.dims;
      const bicAllowance = (options.sameVoicePenalty * (d + (d * (d + 1)) / 2) * Math.log(n)) / (2 * n);
      const margin = gain - Math.max(options.sameVoiceGain, bicAllowance);
      if (!best || margin < best.margin) {
        best = { first: i, second: j, margin, smallest: Math.min(models[i]!.count, models[j]!.count) };
      }
    }
  }
  return best;
}

/** Pieces too short to cluster take the speaker before them (resegmentation then decides). */
function fillShortPieces(labels: Int32Array, pieces: readonly FrameSpan[]): void {
  let previous = -1;
  const firstLabelled = pieces.find((piece) => labels[piece.start]! >= 0);
  if (firstLabelled) previous = labels[firstLabelled.start]!;
  for (const piece of pieces) {
    if (labels[piece.start]! >= 0) previous = labels[piece.start]!;
    else labels.fill(previous, piece.start, piece.end);
  }
}

/** Speakers renumbered by first appearance, dropping any resegmentation left without frames. */
function relabel(labels: Int32Array): FrameDiarization {
  const voiced = labels.filter((label) => label >= 0);
  const numbering = renumber(voiced);
  const map = new Map<number, number>();
  voiced.forEach((label, i) => map.set(label, numbering[i]!));
  for (let f = 0; f < labels.length; f++) if (labels[f]! >= 0) labels[f] = map.get(labels[f]!)!;
  return { labels, speakers: map.size };
}

function* framesOf(span: FrameSpan): Iterable<number> {
  for (let f = span.start; f < span.end; f++) yield f;
}
