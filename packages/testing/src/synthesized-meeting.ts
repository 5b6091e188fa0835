import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SpeakerSpan } from './diarization-error-rate.js';

const RATE = 16_000;

export interface MeetingSynthesisOptions {
  /**
   * flite voices, one per participant (rms, slt, awb and kal16 are distinct people). `rms*1.1`
   * scales a voice's pitch and formants by 1.1 at the same speed: a similar-sounding person.
   */
  voices: readonly string[];
  /** Audio to produce, roughly: turns are added until it is reached. */
  durationSeconds: number;
  /** Same seed, same meeting. */
  seed?: number;
  /** Noise mixed in, as a fraction of full scale. */
  noise?: number;
  /**
   * Each turn's pitch and formants scaled by a random factor within ±this (0.03: ±3 %), so one
   * person does not sound the same every time, as in life (flite alone is perfectly consistent).
   */
  voiceJitter?: number;
  /**
   * `mix`: one channel (a room microphone). `per-speaker`: one channel per voice, each voice on its
   * own channel and, 20 dB down, on the others (a headset picks up the room a little).
   */
  layout?: 'mix' | 'per-speaker';
  directory?: string;
}

export interface SynthesizedMeeting {
  /** 16 kHz signed 16-bit little-endian PCM, interleaved when there are several channels. */
  pcmPath: string;
  channels: number;
  durationMs: number;
  /** Who spoke when: each turn's speech, split at pauses of 300 ms or more (NIST's convention). */
  reference: SpeakerSpan[];
  turns: Array<{ voice: string; text: string; startMs: number; endMs: number }>;
  /** Writes the meeting in a container ffmpeg picks from the extension (`.ogg`, `.wav`, `.m4a`). */
  encode(path: string): string;
  remove(): void;
}

const INTERJECTIONS = [
  'Yes.',
  'Right.',
  'Okay, thanks.',
  'I agree.',
  'Exactly.',
  'Sure, go ahead.',
  'Good point.',
];

const SENTENCES = [
  'Let us start with the quarterly budget review and see where we stand.',
  'The marketing team will present the new campaign next week.',
  'We need to hire two more engineers before the end of the year.',
  'Please send the meeting notes to all participants by Friday.',
  'The customer reported a problem with the payment page yesterday.',
  'Our sales grew by ten percent in the last quarter, which is better than planned.',
  'The server was down for about an hour on Tuesday night.',
  'I think we should move the launch date by two weeks.',
  'Can you share the numbers from the last release with the whole team?',
  'The design review is scheduled for Thursday afternoon.',
  'We still have not heard back from the legal department about the contract.',
  'Support tickets went down after the latest update.',
  'I would like to discuss the hiring plan for the next six months.',
  'The new office will be ready at the beginning of March.',
  'Let me check the calendar and get back to you on that.',
  'We have three open questions from the previous meeting.',
  'The mobile application needs a better onboarding flow.',
  'Training for the sales team starts on Monday morning.',
  'Our biggest risk right now is the integration with the billing system.',
  'I can take the action item to prepare a short summary for the board.',
  'The test results look good, but we need more data from real users.',
  'We agreed to review the security audit findings together next time.',
  'The budget for the conference has been approved.',
  'I am not sure the timeline is realistic with the current team size.',
];

/**
 * A meeting of several flite voices with a known reference of who spoke when: turns from one word
 * to several sentences, handovers from none to a second and a half of pause, each turn at its own
 * speed and loudness. Deterministic for a seed (flite and ffmpeg from Debian).
 */
export function synthesizeMeeting(options: MeetingSynthesisOptions): SynthesizedMeeting {
  const random = seededRandom(options.seed ?? 1);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const work = mkdtempSync(join(options.directory ?? tmpdir(), 'meeting-'));
  const voices = options.voices;
  const perSpeaker = options.layout === 'per-speaker';
  const channels = perSpeaker ? voices.length : 1;
  const clips: Array<{ voiceIndex: number; text: string; pcm: Int16Array; gapMs: number }> = [];
  let totalMs = 0;
  let previous = -1;
  while (totalMs < options.durationSeconds * 1000) {
    // Someone else takes the floor (a meeting is rarely one voice twice in a row).
    let voiceIndex = Math.floor(random() * voices.length);
    if (voiceIndex === previous) voiceIndex = (voiceIndex + 1) % voices.length;
    previous = voiceIndex;
    const roll = random();
    const text =
      roll < 0.2
        ? pick(INTERJECTIONS)
        : Array.from({ length: 1 + Math.floor(random() * (roll > 0.8 ? 5 : 2)) }, () => pick(SENTENCES)).join(
            ' ',
          );
    const stretch = 0.85 + random() * 0.35;
    const gain = 0.45 + random() * 0.55;
    const gapRoll = random();
    const gapMs = gapRoll < 0.25 ? 0 : gapRoll < 0.6 ? 100 + random() * 200 : 400 + random() * 1100;
    const jitter = 1 + (random() * 2 - 1) * (options.voiceJitter ?? 0);
    const pcm = speak(work, voices[voiceIndex]!, text, stretch, gain, jitter);
    clips.push({ voiceIndex, text, pcm, gapMs });
    totalMs += gapMs + (pcm.length * 1000) / RATE;
  }
  const leadMs = 500;
  const totalSamples = Math.ceil(((leadMs + totalMs + 500) * RATE) / 1000);
  const mix = new Float32Array(totalSamples * channels);
  const reference: SpeakerSpan[] = [];
  const turns: SynthesizedMeeting['turns'] = [];
  let cursor = Math.round((leadMs * RATE) / 1000);
  for (const clip of clips) {
    cursor += Math.round((clip.gapMs * RATE) / 1000);
    const speaker = voices[clip.voiceIndex]!;
    for (let i = 0; i < clip.pcm.length; i++) {
      const sample = clip.pcm[i]!;
      if (!perSpeaker) mix[cursor + i]! += sample;
      else {
        for (let c = 0; c < channels; c++) {
          mix[(cursor + i) * channels + c]! += c === clip.voiceIndex ? sample : sample * 0.1;
        }
      }
    }
    const startMs = (cursor * 1000) / RATE;
    turns.push({
      voice: speaker,
      text: clip.text,
      startMs,
      endMs: startMs + (clip.pcm.length * 1000) / RATE,
    });
    for (const span of voicedSpans(clip.pcm)) {
      reference.push({ speaker, startMs: startMs + span.startMs, endMs: startMs + span.endMs });
    }
    cursor += clip.pcm.length;
  }
  const pcm = toInt16(mix, options.noise ?? 0);
  const pcmPath = join(work, 'meeting.pcm');
  writeFileSync(pcmPath, pcm);
  return {
    pcmPath,
    channels,
    durationMs: (totalSamples * 1000) / RATE,
    reference,
    turns,
    encode: (path) => {
      execFileSync('ffmpeg', [
        '-v',
        'error',
        '-y',
        '-f',
        's16le',
        '-ar',
        String(RATE),
        '-ac',
        String(channels),
        '-i',
        pcmPath,
        path,
      ]);
      return path;
    },
    remove: () => rmSync(work, { recursive: true, force: true }),
  };
}

function speak(
  work: string,
  voice: string,
  text: string,
  stretch: number,
  gain: number,
  jitter: number,
): Int16Array {
  const wav = join(work, 'turn.wav');
  const raw = join(work, 'turn.raw');
  const [name, factor] = voice.split('*');
  const scale = (Number(factor ?? 1) * jitter).toFixed(4);
  const shift = scale !== '1.0000' ? `asetrate=${RATE}*${scale},aresample=${RATE},atempo=1/${scale},` : '';
  execFileSync('flite', [
    '-voice',
    name!,
    '--setf',
    `duration_stretch=${stretch.toFixed(3)}`,
    '-t',
    text,
    '-o',
    wav,
  ]);
  execFileSync('ffmpeg', [
    '-v',
    'error',
    '-y',
    '-i',
    wav,
    '-ac',
    '1',
    '-af',
    `aresample=${RATE},${shift}volume=${gain.toFixed(3)}`,
    '-ar',
    String(RATE),
    '-f',
    's16le',
    raw,
  ]);
  const bytes = readFileSync(raw);
  return new Int16Array(bytes.buffer, bytes.byteOffset, bytes.length / 2);
}

/** The clip's speech: 10 ms frames above -50 dBFS, pauses under 300 ms bridged. */
function voicedSpans(pcm: Int16Array): Array<{ startMs: number; endMs: number }> {
  const frame = RATE / 100;
  const spans: Array<{ startMs: number; endMs: number }> = [];
  for (let f = 0; f * frame < pcm.length; f++) {
    let sum = 0;
    const end = Math.min(pcm.length, (f + 1) * frame);
    for (let i = f * frame; i < end; i++) sum += (pcm[i]! / 32_768) ** 2;
    if (20 * Math.log10(Math.sqrt(sum / frame) + 1e-12) < -50) continue;
    const last = spans.at(-1);
    if (last && f * 10 - last.endMs < 300) last.endMs = (f + 1) * 10;
    else spans.push({ startMs: f * 10, endMs: (f + 1) * 10 });
  }
  return spans;
}

function toInt16(mix: Float32Array, noise: number): Buffer {
  const random = seededRandom(0x2545f491);
  const out = Buffer.alloc(mix.length * 2);
  for (let i = 0; i < mix.length; i++) {
    const value = mix[i]! + (noise ? (random() - 0.5) * 2 * noise * 32_767 : 0);
    out.writeInt16LE(Math.max(-32_768, Math.min(32_767, Math.round(value))), i * 2);
  }
  return out;
}

/** xorshift32: repeatable meetings, so a figure measured on one can be checked again. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 0x1_0000_0000;
  };
}
