import { MfccExtractor, type FrameFeatures } from '../features/mfcc-extractor.js';
import { readPcmBlocks } from '../features/pcm-file-reader.js';
import { diarizationFromFrames } from '../frame-turns.js';
import { diarizeChannels } from '../multichannel/channel-diarization.js';
import { diarizeFrames } from '../offline/offline-diarization.js';
import type { Diarization } from '../speaker-diarizer.port.js';

/** Work the diarization thread does: plain data in, plain data out (it crosses a thread boundary). */
export type DiarizationTask =
  | { kind: 'offline'; pcmPath: string; maxSpeakers?: number }
  | { kind: 'channels'; pcmPath: string; channels: number; force: boolean };

/** @returns null for a `channels` task whose channels turn out to carry one mix (and `force` is off). */
export function runDiarizationTask(task: DiarizationTask): Diarization | null {
  switch (task.kind) {
    case 'offline': {
      const [features] = extractFeatures(task.pcmPath, 1);
      const { labels, speakers } = diarizeFrames(features!, task.maxSpeakers);
      return diarizationFromFrames(labels, features!.hopMs, speakers, () => features!);
    }
    case 'channels': {
      const features = extractFeatures(task.pcmPath, task.channels);
      const { labels, separated } = diarizeChannels(features);
      if (!separated && !task.force) return null;
      const diarization = diarizationFromFrames(
        labels,
        features[0]!.hopMs,
        task.channels,
        (c) => features[c]!,
      );
      // Channel n is speaker Sn, whoever speaks first; a silent channel is nobody.
      const speaking = new Set(diarization.turns.map((turn) => turn.speaker));
      return { ...diarization, speakers: diarization.speakers.filter((s) => speaking.has(s.label)) };
    }
  }
}

function extractFeatures(path: string, channels: number): FrameFeatures[] {
  const extractors = Array.from({ length: channels }, () => new MfccExtractor());
  readPcmBlocks(path, channels, (blocks) => blocks.forEach((samples, c) => extractors[c]!.push(samples)));
  return extractors.map((extractor) => extractor.finish());
}
