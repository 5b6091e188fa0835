import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** One utterance of a synthesized meeting. */
export interface SpokenTurn {
  /** A flite voice: rms, slt, awb, kal16 (distinct enough to stand for different people). */
  voice: string;
  text: string;
  /** flite's duration_stretch: below 1 speaks faster, above 1 slower. */
  stretch?: number;
}

export interface SynthesizedRecording {
  path: string;
  durationMs: number;
  /** Every turn's words, in order. */
  reference: string;
  turns: Array<SpokenTurn & { startMs: number; endMs: number }>;
}

export interface SynthesisOptions {
  turns: readonly SpokenTurn[];
  /** Silence between turns (and before the first, after the last). */
  pauseMs?: number;
  /** Uniform noise mixed in, as a fraction of full scale (0.02 ≈ a quiet room, 0.05 a noisy one). */
  noise?: number;
  /** ffmpeg output options that pick the container and codec; the extension follows `fileName`. */
  fileName?: string;
  directory?: string;
}

const RATE = 16_000;

/** A meeting recording spoken by flite with a known reference text and turn timing (flite and ffmpeg from Debian). */
export function synthesizeRecording(options: SynthesisOptions): SynthesizedRecording {
  const work = mkdtempSync(join(tmpdir(), 'speech-'));
  try {
    const pause = Buffer.alloc(Math.round(((options.pauseMs ?? 800) * RATE) / 1000) * 2);
    const parts: Buffer[] = [pause];
    const turns: SynthesizedRecording['turns'] = [];
    let samples = pause.length / 2;
    options.turns.forEach((turn, i) => {
      const wav = join(work, `turn-${i}.wav`);
      const raw = join(work, `turn-${i}.raw`);
      execFileSync('flite', [
        '-voice',
        turn.voice,
        ...(turn.stretch ? ['--setf', `duration_stretch=${turn.stretch}`] : []),
        '-t',
        turn.text,
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
        '-ar',
        String(RATE),
        '-f',
        's16le',
        raw,
      ]);
      const pcm = readFileSync(raw);
      turns.push({
        ...turn,
        startMs: (samples * 1000) / RATE,
        endMs: ((samples + pcm.length / 2) * 1000) / RATE,
      });
      parts.push(pcm, pause);
      samples += (pcm.length + pause.length) / 2;
    });
    const pcm = Buffer.concat(parts);
    if (options.noise) addNoise(pcm, options.noise);
    const raw = join(work, 'all.raw');
    writeFileSync(raw, pcm);
    const directory = options.directory ?? tmpdir();
    const path = join(directory, options.fileName ?? `meeting-${process.pid}-${Date.now()}.ogg`);
    execFileSync('ffmpeg', [
      '-v',
      'error',
      '-y',
      '-f',
      's16le',
      '-ar',
      String(RATE),
      '-ac',
      '1',
      '-i',
      raw,
      path,
    ]);
    return {
      path,
      durationMs: (samples * 1000) / RATE,
      reference: options.turns.map((t) => t.text).join(' '),
      turns,
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Deterministic noise (a fixed-seed generator), so a figure measured on it is repeatable. */
function addNoise(pcm: Buffer, level: number): void {
  let seed = 0x2545f491;
  for (let offset = 0; offset < pcm.length; offset += 2) {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    const noise = ((seed >>> 0) / 0xffffffff - 0.5) * 2 * level * 32_767;
    pcm.writeInt16LE(
      Math.max(-32_768, Math.min(32_767, Math.round(pcm.readInt16LE(offset) + noise))),
      offset,
    );
  }
}
