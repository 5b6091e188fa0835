import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

const SPEECH =
  'Good morning everyone. This is the weekly planning meeting. ' +
  'We agreed to ship the release on Friday, and Alice will write the notes.';

export interface MediaFixtures {
  dir: string;
  /** About 60 seconds of synthesized speech. */
  mp3: string;
  m4a: string;
  /** Same audio, index (moov) first, as streaming muxers write it. */
  m4aFastStart: string;
  videoOnly: string;
  text: string;
  empty: string;
  truncated(path: string, fraction: number): Promise<string>;
  remove(): Promise<void>;
}

/** Real recordings made here with flite and ffmpeg (Debian packages), nothing downloaded. */
export async function makeMediaFixtures(): Promise<MediaFixtures> {
  const dir = await mkdtemp(join(tmpdir(), 'media-fixtures-'));
  const at = (name: string) => join(dir, name);
  await run('flite', ['-voice', 'rms', '-t', SPEECH, '-o', at('speech.wav')]);
  const loops = Math.ceil(60 / (await wavSeconds(at('speech.wav')))) - 1;
  const ffmpeg = (...args: string[]) => run('ffmpeg', ['-nostdin', '-v', 'error', '-y', ...args]);
  const encodeMinute = (codec: string, output: string) =>
    ffmpeg(
      '-stream_loop',
      String(loops),
      '-i',
      at('speech.wav'),
      ...`-t 60 -c:a ${codec} -b:a 64k`.split(' '),
      at(output),
    );
  await encodeMinute('libmp3lame', 'speech.mp3');
  await encodeMinute('aac', 'speech.m4a');
  await ffmpeg('-i', at('speech.m4a'), '-c', 'copy', '-movflags', '+faststart', at('speech-faststart.m4a'));
  await ffmpeg(
    '-f',
    'lavfi',
    '-i',
    'testsrc=duration=3:size=160x120:rate=10',
    '-c:v',
    'libx264',
    '-pix_fmt',
    'yuv420p',
    at('video-only.mp4'),
  );
  await writeFile(
    at('notes.mp3'),
    'Meeting notes: this is a text file that claims to be an MP3.\n'.repeat(50),
  );
  await writeFile(at('empty.mp3'), '');
  return {
    dir,
    mp3: at('speech.mp3'),
    m4a: at('speech.m4a'),
    m4aFastStart: at('speech-faststart.m4a'),
    videoOnly: at('video-only.mp4'),
    text: at('notes.mp3'),
    empty: at('empty.mp3'),
    async truncated(path, fraction) {
      const bytes = await readFile(path);
      const target = join(dir, `truncated-${fraction}-${path.split('/').pop()}`);
      await writeFile(target, bytes.subarray(0, Math.floor(bytes.length * fraction)));
      return target;
    },
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}

async function wavSeconds(path: string): Promise<number> {
  const { size } = await stat(path);
  return (size - 44) / (16000 * 2); // flite writes 16 kHz mono 16-bit
}
