import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import {
  diarizationErrorRate,
  synthesizeMeeting,
  type MeetingSynthesisOptions,
  type SpeakerSpan,
} from '@mymeet/testing';

const run = promisify(execFile);

interface Case {
  label: string;
  meeting: MeetingSynthesisOptions;
}

const TEN_MINUTES = 600;

/** The targets (issue 10) are on the first two; the others show where the diarizer stands elsewhere. */
const CASES: Case[] = [
  {
    label: '2 voices (rms, slt), 10 min',
    meeting: { voices: ['rms', 'slt'], durationSeconds: TEN_MINUTES, seed: 11, noise: 0.003 },
  },
  {
    label: '3 voices (rms, slt, awb), 10 min',
    meeting: { voices: ['rms', 'slt', 'awb'], durationSeconds: TEN_MINUTES, seed: 12, noise: 0.003 },
  },
  {
    label: '2 voices, noisy, each turn ±4 %, 10 min',
    meeting: {
      voices: ['awb', 'kal16'],
      durationSeconds: TEN_MINUTES,
      seed: 13,
      noise: 0.01,
      voiceJitter: 0.04,
    },
  },
  {
    label: '4 voices, noisy, each turn ±4 %, 10 min',
    meeting: {
      voices: ['rms', 'slt', 'awb', 'kal16'],
      durationSeconds: TEN_MINUTES,
      seed: 14,
      noise: 0.01,
      voiceJitter: 0.04,
    },
  },
  {
    label: '2 similar voices (rms, rms 8 % higher), ±4 %, 10 min',
    meeting: {
      voices: ['rms', 'rms*1.08'],
      durationSeconds: TEN_MINUTES,
      seed: 15,
      noise: 0.003,
      voiceJitter: 0.04,
    },
  },
  {
    label: 'stereo, one voice per channel (awb, slt), 10 min',
    meeting: {
      voices: ['awb', 'slt'],
      durationSeconds: TEN_MINUTES,
      seed: 16,
      noise: 0.003,
      layout: 'per-speaker',
    },
  },
];

interface CliResult {
  elapsedMs: number;
  turns: SpeakerSpan[];
  speakers: Array<{ label: string }>;
}

/**
 * `npm run bench` (speakers part): diarization error rate (NIST's 250 ms collar, and none) and
 * speed of the offline diarizer on synthesized meetings with a known reference, through the
 * worker's own diarization entry point in a process of its own (one thread, as in the worker).
 */
export async function benchDiarization(root: string, log: (line: string) => void): Promise<string[]> {
  const cli = resolve(root, 'workers/asr/dist/src/diarization/diarize.cli.js');
  const lines = [
    'speaker diarization, offline diarizer (one thread; real-time factor = audio seconds per wall second)',
    '| meeting | speakers found | DER (0.25 s collar) | DER (no collar) | miss / false alarm / confusion | wall | real-time factor |',
    '| --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const { label, meeting } of CASES) {
    log(`synthesizing ${label}`);
    const made = synthesizeMeeting(meeting);
    try {
      const started = performance.now();
      const { stdout } = await run(process.execPath, [cli, made.pcmPath, '', String(made.channels)], {
        maxBuffer: 64 * 2 ** 20,
      });
      const wallMs = performance.now() - started;
      const result = JSON.parse(stdout) as CliResult;
      // Per channel the labels are fixed (channel n is Sn): score them as they are, unmatched.
      const reference =
        made.channels > 1
          ? made.reference.map((span) => ({
              ...span,
              speaker: `S${meeting.voices.indexOf(span.speaker) + 1}`,
            }))
          : made.reference;
      const scored = diarizationErrorRate(reference, result.turns);
      const strict = diarizationErrorRate(reference, result.turns, { collarMs: 0 });
      const exact = made.channels > 1 ? [...scored.mapping].every(([ref, hyp]) => ref === hyp) : true;
      const seconds = made.durationMs / 1000;
      lines.push(
        `| ${label} | ${result.speakers.length} of ${meeting.voices.length}${exact ? '' : ' (labels swapped)'} | ` +
          `${percent(scored.errorRate)} | ${percent(strict.errorRate)} | ` +
          `${(scored.missedMs / 1000).toFixed(1)} s / ${(scored.falseAlarmMs / 1000).toFixed(1)} s / ${(scored.confusionMs / 1000).toFixed(1)} s | ` +
          `${(wallMs / 1000).toFixed(2)} s (diarizer ${(result.elapsedMs / 1000).toFixed(2)} s) | ${(seconds / (wallMs / 1000)).toFixed(0)}× |`,
      );
    } finally {
      made.remove();
    }
  }
  return lines;
}

const percent = (value: number) => `${(value * 100).toFixed(1)} %`;
