import type { Readable } from 'node:stream';
import { runChild } from '../process/run-child.js';

/** More channels than this are mixed down: a speaker per channel stops meaning a person. */
export const MAX_SPEAKER_CHANNELS = 16;

/**
 * How many channels the recording's first audio stream has (ffprobe reads only the headers), or
 * 1 when it cannot tell: the decoder then reports what is wrong with the file.
 */
export async function probeAudioChannels(
  ffprobePath: string,
  source: string,
  signal: AbortSignal,
): Promise<number> {
  let output = '';
  const result = await runChild(
    ffprobePath,
    [
      '-v',
      'error',
      '-rw_timeout',
      '30000000',
      '-select_streams',
      'a:0',
      '-show_entries',
      'stream=channels',
      '-of',
      'csv=p=0',
      source,
    ],
    {
      signal,
      stderrTailBytes: 1_000,
      onStdout: (stdout: Readable) => {
        stdout.setEncoding('utf8');
        stdout.on('data', (chunk: string) => (output += chunk));
      },
    },
  );
  const channels = Number.parseInt(output.trim(), 10);
  return result.exitCode === 0 && Number.isInteger(channels) && channels > 0 ? channels : 1;
}
