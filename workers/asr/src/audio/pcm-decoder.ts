import { createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AsrError } from '../domain/asr-error.js';
import { runChild } from '../process/run-child.js';
import { BYTES_PER_MS, SAMPLE_RATE } from './pcm-audio.js';

export interface DecodeOptions {
  ffmpegPath: string;
  /** Where ffmpeg reads the recording: a short-lived presigned URL, or a local path. */
  source: string;
  /** The PCM file to write. */
  target: string;
  budgetBytes: number;
  /** From the job, when media knew it: sizes the budget check up front and the progress bar. */
  expectedDurationSeconds?: number;
  signal: AbortSignal;
  onProgress: (fraction: number) => void;
  /** Also write the audio with its channels kept (interleaved), for a diarizer that takes a speaker per channel. */
  channels?: { target: string; count: number };
}

export interface DecodedAudio {
  path: string;
  durationMs: number;
  multichannel?: { path: string; channels: number };
}

const MB = 1_000_000;

/**
 * Streams the recording through ffmpeg into 16 kHz mono PCM on local disk. The PCM never exceeds
 * the disk budget: ffmpeg is stopped when it would.
 */
export async function decodeToPcm(options: DecodeOptions): Promise<DecodedAudio> {
  // The channel-kept copy takes `count` times the mono file's room on the same disk budget.
  const copies = 1 + (options.channels?.count ?? 0);
  const expectedBytes = (options.expectedDurationSeconds ?? 0) * SAMPLE_RATE * 2 * copies;
  if (expectedBytes > options.budgetBytes) throw budgetError(options.budgetBytes, expectedBytes);
  const expectedMs = (options.expectedDurationSeconds ?? 0) * 1000;
  let written = 0;
  let overBudget = false;
  const stop = new AbortController();
  const abort = () => stop.abort(options.signal.reason);
  options.signal.addEventListener('abort', abort, { once: true });
  let writing: Promise<void> = Promise.resolve();
  try {
    const result = await runChild(
      options.ffmpegPath,
      [
        '-nostdin',
        '-hide_banner',
        '-nostats',
        '-rw_timeout',
        '30000000',
        '-i',
        options.source,
        '-vn',
        '-sn',
        '-dn',
        '-af',
        `asetpts=PTS-STARTPTS,aformat=sample_fmts=s16:sample_rates=${SAMPLE_RATE}:channel_layouts=mono`,
        '-f',
        's16le',
        '-progress',
        'pipe:2',
        'pipe:1',
        ...(options.channels ? channelKeepingOutput(options.channels) : []),
      ],
      {
        signal: stop.signal,
        stderrTailBytes: 2_000,
        onStderrLine: (line) => {
          const time = /^out_time_us=(\d+)/.exec(line);
          if (time && expectedMs > 0) options.onProgress(Math.min(1, Number(time[1]) / 1000 / expectedMs));
        },
        onStdout: (stdout: Readable) => {
          const meter = new Transform({
            transform(chunk: Buffer, _encoding, done) {
              written += chunk.length;
              if (written * copies > options.budgetBytes) {
                overBudget = true;
                stop.abort();
                done();
                return;
              }
              done(null, chunk);
            },
          });
          writing = pipeline(stdout, meter, createWriteStream(options.target));
        },
      },
    );
    await writing.catch(() => undefined);
    if (overBudget) throw budgetError(options.budgetBytes, written * copies);
    if (options.signal.aborted)
      throw new AsrError('ABORTED', 'Transcription was stopped.', {}, options.signal.reason);
    if (result.exitCode !== 0) throw classifyFailure(result.stderrTail);
    const bytes = (await stat(options.target)).size;
    const durationMs = Math.floor(bytes / BYTES_PER_MS);
    options.onProgress(1);
    const multichannel = options.channels && {
      path: options.channels.target,
      channels: options.channels.count,
    };
    return { path: options.target, durationMs, ...(multichannel ? { multichannel } : {}) };
  } finally {
    options.signal.removeEventListener('abort', abort);
  }
}

/** A second output of the same decode: the first audio stream at 16 kHz with its channels interleaved. */
function channelKeepingOutput(channels: { target: string; count: number }): string[] {
  const format = `asetpts=PTS-STARTPTS,aformat=sample_fmts=s16:sample_rates=${SAMPLE_RATE}`;
  return ['-vn', '-sn', '-dn', '-af', format, '-ac', String(channels.count), '-f', 's16le', channels.target];
}

function budgetError(budget: number, needed: number): AsrError {
  return new AsrError(
    'TEMP_BUDGET_EXCEEDED',
    `The recording is too long to transcribe on this worker: its decoded audio needs more than ${Math.floor(
      budget / MB,
    )} MB of local disk (${Math.ceil(needed / MB)} MB or more). Raise ASR_TEMP_BUDGET_BYTES or give the worker more disk.`,
  );
}

function classifyFailure(stderr: string): AsrError {
  const last = stderr.trim().split('\n').slice(-3).join(' ').slice(0, 300);
  if (/Server returned 404|HTTP error 404|No such file or directory/i.test(stderr))
    return new AsrError('MEDIA_NOT_FOUND', 'The recording is no longer in storage.');
  if (
    /Server returned (5\d\d|403)|HTTP error (5\d\d|403)|Connection refused|timed out|Connection reset|I\/O error/i.test(
      stderr,
    )
  )
    return new AsrError('SOURCE_UNAVAILABLE', `Could not read the recording from storage: ${last}`);
  if (/does not contain any stream|matches no streams|Stream map .* matches no streams/i.test(stderr))
    return new AsrError('UNREADABLE_MEDIA', 'The recording has no audio track to transcribe.');
  return new AsrError(
    'UNREADABLE_MEDIA',
    `The recording could not be decoded (the file is damaged or not a supported audio or video format): ${last}`,
  );
}
