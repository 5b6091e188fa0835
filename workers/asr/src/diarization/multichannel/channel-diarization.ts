import type { FrameFeatures } from '../features/mfcc-extractor.js';
import { DEFAULT_SPEECH_ACTIVITY, detectSpeech, type FrameSpan } from '../offline/speech-activity.js';

export interface ChannelDiarization {
  /** The speaking channel of every frame, -1 where nobody speaks. */
  labels: Int32Array;
  /** Whether the channels carry different voices (one person per channel) rather than one mix. */
  separated: boolean;
}

/** A channel must lead the others by this much to own a frame where several are active. */
const DOMINANCE_DB = 6;
/** Shorter runs of one channel inside another's speech are crosstalk or a cough, not a turn. */
const MIN_RUN_FRAMES = 20;

/**
 * One speaker per channel, from each channel's own speech activity (against its own noise floor):
 * a frame belongs to the channel that is speaking, and to the loudest one above its floor when
 * several are (a headset picks up the others a little). The channels count as separated when in
 * most speech one channel leads by {@link DOMINANCE_DB} and at least two channels lead somewhere:
 * a plain stereo recording of one room has its channels within a few dB of each other.
 */
export function diarizeChannels(channels: readonly FrameFeatures[]): ChannelDiarization {
  const frames = Math.min(...channels.map((channel) => channel.frameCount));
  const active = channels.map((channel) =>
    activityMask(detectSpeech(channel.levelDb, DEFAULT_SPEECH_ACTIVITY), frames),
  );
  const floors = channels.map((channel) => noiseFloor(channel.levelDb));
  const labels = new Int32Array(frames).fill(-1);
  const leads = new Float64Array(channels.length);
  let voiced = 0;
  let dominant = 0;
  for (let f = 0; f < frames; f++) {
    let best = -1;
    let bestLevel = -Infinity;
    let secondLevel = -Infinity;
    for (let c = 0; c < channels.length; c++) {
      const level = channels[c]!.levelDb[f]! - floors[c]!;
      if (level > bestLevel) {
        secondLevel = bestLevel;
        bestLevel = level;
        best = c;
      } else if (level > secondLevel) secondLevel = level;
    }
    if (!active.some((mask) => mask[f])) continue;
    voiced += 1;
    if (bestLevel - secondLevel >= DOMINANCE_DB) {
      dominant += 1;
      leads[best]! += 1;
    }
    labels[f] = active[best]![f] ? best : active.findIndex((mask) => mask[f] === 1);
  }
  smoothRuns(labels, MIN_RUN_FRAMES);
  const leaders = Array.from(leads).filter((count) => count >= 0.05 * voiced).length;
  return { labels, separated: voiced > 0 && dominant >= 0.6 * voiced && leaders >= 2 };
}

function activityMask(spans: readonly FrameSpan[], frames: number): Uint8Array {
  const mask = new Uint8Array(frames);
  for (const span of spans) mask.fill(1, span.start, Math.min(frames, span.end));
  return mask;
}

function noiseFloor(levels: Float32Array): number {
  const sorted = Float32Array.from(levels).sort();
  return sorted[Math.floor(sorted.length * 0.1)] ?? -100;
}

/** Runs of a speaker shorter than `minRun` between two runs of another one become that one. */
function smoothRuns(labels: Int32Array, minRun: number): void {
  let start = 0;
  const runs: Array<{ start: number; end: number; label: number }> = [];
  for (let f = 1; f <= labels.length; f++) {
    if (f === labels.length || labels[f] !== labels[start]) {
      runs.push({ start, end: f, label: labels[start]! });
      start = f;
    }
  }
  for (let i = 1; i < runs.length - 1; i++) {
    const run = runs[i]!;
    const before = runs[i - 1]!;
    const after = runs[i + 1]!;
    if (run.label >= 0 && run.end - run.start < minRun && before.label === after.label && before.label >= 0) {
      labels.fill(before.label, run.start, run.end);
      run.label = before.label;
    }
  }
}
