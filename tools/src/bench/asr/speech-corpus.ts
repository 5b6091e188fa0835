import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { synthesizeRecording, type SpokenTurn } from '@mymeet/testing';

/** A recording with the words spoken in it. */
export interface BenchRecording {
  name: string;
  path: string;
  seconds: number;
  reference: string;
}

/** Meeting sentences (not the ones the tests use, so settings are not tuned to those). */
const SENTENCES = [
  'good morning everyone let us start with the quarterly budget review',
  'the marketing team will present the new campaign next week',
  'we need to hire two more engineers before the end of the year',
  'please send the meeting notes to all participants by friday',
  'the customer reported a problem with the payment page yesterday',
  'our sales grew by ten percent in the last quarter',
  'i think we should move the release date to the first of march',
  'can you share the slides with the board after the call',
  'the server was down for about an hour on tuesday night',
  'let us schedule a follow up meeting with the design team',
  'the contract must be signed by both parties before we begin',
  'thank you all for joining and have a great weekend',
];
const VOICES = ['rms', 'slt', 'awb', 'kal16'];

const turns = (voices: readonly string[], stretch?: number): SpokenTurn[] =>
  SENTENCES.map((text, i) => ({ voice: voices[i % voices.length]!, text, stretch }));

/** The kinds of speech every setting is judged on (issue 9: never tune to one of them alone). */
export function speechCorpus(directory: string): BenchRecording[] {
  const make = (name: string, spoken: SpokenTurn[], noise?: number): BenchRecording => {
    const recording = synthesizeRecording({
      turns: spoken,
      pauseMs: 700,
      noise,
      directory,
      fileName: `${name}.ogg`,
    });
    return {
      name,
      path: recording.path,
      seconds: recording.durationMs / 1000,
      reference: recording.reference,
    };
  };
  const corpus = [
    make('clean, 4 voices', turns(VOICES)),
    make('fast (0.8) and slow (1.25)', [...turns(['rms', 'awb'], 0.8), ...turns(['slt', 'kal16'], 1.25)]),
    make('noise 0.02 (quiet room)', turns(VOICES), 0.02),
    make('noise 0.05 (noisy room)', turns(VOICES), 0.05),
  ];
  const librivox = libriVoxRecording(directory);
  if (librivox) corpus.push(librivox);
  return corpus;
}

/** A long meeting for speed figures: the sentences over and over in every voice. */
export function longMeeting(directory: string, minutes: number): BenchRecording {
  const spoken: SpokenTurn[] = [];
  const perRound = 45; // seconds of speech and pauses in one round of the sentences, roughly
  for (let round = 0; round < Math.ceil((minutes * 60) / perRound); round++)
    spoken.push(...turns([VOICES[round % 4]!, VOICES[(round + 1) % 4]!]));
  const recording = synthesizeRecording({
    turns: spoken,
    pauseMs: 600,
    directory,
    fileName: `meeting-${minutes}min.mp3`,
  });
  return {
    name: `${minutes}-minute meeting`,
    path: recording.path,
    seconds: recording.durationMs / 1000,
    reference: recording.reference,
  };
}

const LIBRIVOX = '/usr/share/pocketsphinx/test/data/librivox';

/** The five LibriVox utterances of Debian's pocketsphinx-testdata (real read speech, 71 words). */
function libriVoxRecording(directory: string): BenchRecording | undefined {
  let transcription: string;
  try {
    transcription = readFileSync(join(LIBRIVOX, 'transcription'), 'utf8');
  } catch {
    return undefined;
  }
  const lines = [...transcription.matchAll(/<s> (.*) <\/s> \((.*)\)/g)].map((m) => ({
    text: m[1]!,
    id: m[2]!,
  }));
  const list = join(directory, 'librivox.txt');
  writeFileSync(list, lines.map((l) => `file '${join(LIBRIVOX, `${l.id}.wav`)}'`).join('\n'));
  const path = join(directory, 'librivox.flac');
  execFileSync('ffmpeg', [
    '-v',
    'error',
    '-y',
    '-f',
    'concat',
    '-safe',
    '0',
    '-i',
    list,
    '-af',
    'apad=pad_dur=0.5',
    path,
  ]);
  const seconds = Number(
    execFileSync('ffprobe', [
      '-v',
      'error',
      '-show_entries',
      'format=duration',
      '-of',
      'csv=p=0',
      path,
    ]).toString(),
  );
  // The reference spells "mister"; recognisers write "mr".
  return {
    name: 'LibriVox read speech',
    path,
    seconds,
    reference: lines.map((l) => l.text.replace(/\bmister\b/g, 'mr')).join(' '),
  };
}
