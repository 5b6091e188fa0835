import { fork, type ChildProcess } from 'node:child_process';
import { access, constants } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Chunk } from '../../domain/chunk-plan.js';
import { AsrError } from '../../domain/asr-error.js';
import {
  baseLanguage,
  type ChunkTranscript,
  type SpeechEngine,
  type TranscriptionRequest,
} from '../speech-engine.port.js';
import type { WhisperReply, WhisperRequest } from './whisper-protocol.js';

export interface WhisperCppOptions {
  /** A ggml model file (`ggml-base.en.bin`, `ggml-small.bin`, …). */
  modelPath: string;
  threads: number;
  chunkTimeoutMs: number;
  /** How long loading the model may take. */
  loadTimeoutMs?: number;
}

const CHILD = new URL('./whisper-child.js', import.meta.url);

/**
 * whisper.cpp through `@fugood/whisper.node`, in child processes that keep the model loaded
 * between chunks. A child that errs, hangs past the chunk timeout or is aborted is killed.
 */
export class WhisperCppEngine implements SpeechEngine {
  readonly name: string;
  readonly batchSeconds = 0;
  private readonly idle: ChildProcess[] = [];
  private nextId = 1;

  constructor(private readonly options: WhisperCppOptions) {
    this.name = `whisper.cpp:${basename(options.modelPath)}`;
  }

  async assertCanTranscribe(language: string | undefined): Promise<void> {
    await access(this.options.modelPath, constants.R_OK).catch((error: unknown) => {
      throw new AsrError(
        'MODEL_UNAVAILABLE',
        `The Whisper model file ${this.options.modelPath} (WHISPER_MODEL) does not exist or cannot be read. ` +
          'Download a ggml model (e.g. ggml-base.bin) onto the worker and point WHISPER_MODEL at it.',
        { reason: 'MODEL_UNAVAILABLE' },
        error,
      );
    });
    const wanted = baseLanguage(language);
    if (wanted && wanted !== 'en' && /\.en(\.|-|$)/.test(basename(this.options.modelPath)))
      throw new AsrError(
        'UNSUPPORTED_LANGUAGE',
        `The Whisper model ${basename(this.options.modelPath)} is English-only and cannot transcribe "${language}". ` +
          'Set WHISPER_MODEL to a multilingual model (a file without ".en", e.g. ggml-base.bin).',
        { field: 'language', reason: 'UNSUPPORTED_LANGUAGE' },
      );
  }

  async transcribe(
    chunks: readonly Chunk[],
    request: TranscriptionRequest,
    signal: AbortSignal,
  ): Promise<ChunkTranscript[]> {
    const child = this.idle.pop() ?? (await this.start(signal));
    try {
      const results: ChunkTranscript[] = [];
      for (const chunk of chunks) results.push(await this.transcribeChunk(child, chunk, request, signal));
      this.idle.push(child);
      return results;
    } catch (error) {
      child.kill('SIGKILL');
      throw error;
    }
  }

  /** Ends the idle children (worker shutdown). */
  close(): void {
    for (const child of this.idle.splice(0)) child.kill('SIGKILL');
  }

  private async start(signal: AbortSignal): Promise<ChildProcess> {
    const child = fork(CHILD, [], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'], serialization: 'json' });
    let stderr = '';
    child.stderr?.on('data', (data: Buffer) => (stderr = (stderr + data.toString()).slice(-2_000)));
    try {
      await this.exchange(
        child,
        { type: 'load', modelPath: this.options.modelPath },
        this.options.loadTimeoutMs ?? 120_000,
        signal,
      );
      return child;
    } catch (error) {
      child.kill('SIGKILL');
      if (error instanceof AsrError && error.code !== 'ENGINE_FAILED') throw error;
      throw new AsrError(
        'MODEL_UNAVAILABLE',
        `whisper.cpp could not load ${this.options.modelPath} (WHISPER_MODEL): ${lastLine(stderr) || (error as Error).message}. ` +
          'Point WHISPER_MODEL at a valid ggml model file.',
        { reason: 'MODEL_UNAVAILABLE' },
        error,
      );
    }
  }

  private async transcribeChunk(
    child: ChildProcess,
    chunk: Chunk,
    request: TranscriptionRequest,
    signal: AbortSignal,
  ): Promise<ChunkTranscript> {
    const reply = await this.exchange(
      child,
      {
        type: 'transcribe',
        id: this.nextId++,
        pcmPath: request.pcmPath,
        startMs: chunk.startMs,
        endMs: chunk.endMs,
        language: baseLanguage(request.language) ?? 'auto',
        prompt: request.vocabulary.length ? request.vocabulary.join(', ') : undefined,
        threads: this.options.threads,
      },
      this.options.chunkTimeoutMs,
      signal,
    );
    if (reply.type !== 'result') throw new AsrError('ENGINE_FAILED', 'whisper.cpp answered out of turn.');
    const words = reply.segments
      .map((s) => ({
        word: s.text.trim(),
        startMs: Math.min(chunk.endMs, chunk.startMs + s.t0 * 10),
        endMs: Math.min(chunk.endMs, chunk.startMs + s.t1 * 10),
      }))
      .filter((w) => w.word);
    return {
      chunk,
      text: reply.segments
        .map((s) => s.text)
        .join('')
        .replace(/\s+/g, ' ')
        .trim(),
      words,
      language: reply.language,
    };
  }

  private exchange(
    child: ChildProcess,
    request: WhisperRequest,
    timeoutMs: number,
    signal: AbortSignal,
  ): Promise<WhisperReply> {
    return new Promise((resolve, reject) => {
      const done = (settle: () => void) => {
        clearTimeout(timer);
        signal.removeEventListener('abort', onAbort);
        child.off('message', onMessage);
        child.off('exit', onExit);
        settle();
      };
      const onMessage = (reply: WhisperReply) =>
        done(() =>
          reply.type === 'failed'
            ? reject(new AsrError('ENGINE_FAILED', `whisper.cpp failed: ${reply.message}`))
            : resolve(reply),
        );
      const onExit = (code: number | null) =>
        done(() => reject(new AsrError('ENGINE_FAILED', `whisper.cpp exited (${code}).`)));
      const onAbort = () => done(() => reject(new AsrError('ABORTED', 'Transcription was stopped.')));
      const timer = setTimeout(
        () =>
          done(() =>
            reject(
              new AsrError(
                'ENGINE_FAILED',
                `whisper.cpp did not answer within ${Math.round(timeoutMs / 1000)} s; it was stopped.`,
              ),
            ),
          ),
        timeoutMs,
      );
      signal.addEventListener('abort', onAbort, { once: true });
      child.on('message', onMessage);
      child.once('exit', onExit);
      child.send(request);
    });
  }
}

function lastLine(text: string): string {
  return text.trim().split('\n').filter(Boolean).slice(-1)[0]?.slice(0, 200) ?? '';
}
