import { access, readFile, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import type { Chunk } from '../../domain/chunk-plan.js';
import { AsrError } from '../../domain/asr-error.js';
import { runChild } from '../../process/run-child.js';
import {
  baseLanguage,
  type ChunkTranscript,
  type SpeechEngine,
  type TranscriptionRequest,
} from '../speech-engine.port.js';
import { parseCtm } from './ctm.js';
import { guessPronunciation, loadPronunciations, VocabularyMatcher } from './vocabulary-matcher.js';

export interface PocketSphinxOptions {
  binary: string;
  /** Holds `en-us/` (acoustic model), `en-us.lm.bin` and `cmudict-en-us.dict` (Debian's pocketsphinx-en-us). */
  modelDir: string;
  extraArgs: readonly string[];
  batchSeconds: number;
  /** The language assumed when a job names none. */
  defaultLanguage: string;
}

/**
 * PocketSphinx through `pocketsphinx_batch`: one decoder process per batch of chunks, each chunk
 * addressed as a frame range of the one PCM file (no chunk copies on disk), words and times from CTM.
 */
export class PocketSphinxEngine implements SpeechEngine {
  readonly name = 'pocketsphinx';
  readonly batchSeconds: number;
  private pronunciations: Promise<Map<string, string[]>> | undefined;

  constructor(private readonly options: PocketSphinxOptions) {
    this.batchSeconds = options.batchSeconds;
  }

  private get files() {
    const dir = this.options.modelDir;
    return { hmm: join(dir, 'en-us'), lm: join(dir, 'en-us.lm.bin'), dict: join(dir, 'cmudict-en-us.dict') };
  }

  async assertCanTranscribe(language: string | undefined): Promise<void> {
    const wanted = baseLanguage(language ?? this.options.defaultLanguage);
    if (wanted !== 'en')
      throw new AsrError(
        'UNSUPPORTED_LANGUAGE',
        `PocketSphinx, this worker's offline engine, only has an English model and cannot transcribe "${language ?? this.options.defaultLanguage}". ` +
          'Set WHISPER_MODEL to a multilingual whisper.cpp model (e.g. ggml-base.bin or ggml-small.bin) with ASR_ENGINE=whisper, ' +
          'or ASR_API_URL with ASR_ENGINE=openai.',
        { field: 'language', reason: 'UNSUPPORTED_LANGUAGE' },
      );
    for (const path of Object.values(this.files)) {
      await access(path).catch((error: unknown) => {
        throw new AsrError(
          'MODEL_UNAVAILABLE',
          `PocketSphinx's English model is missing (${path}). Install the Debian packages pocketsphinx and pocketsphinx-en-us, or set POCKETSPHINX_MODEL_DIR.`,
          { reason: 'MODEL_UNAVAILABLE' },
          error,
        );
      });
    }
  }

  async transcribe(
    chunks: readonly Chunk[],
    request: TranscriptionRequest,
    signal: AbortSignal,
  ): Promise<ChunkTranscript[]> {
    if (chunks.length === 0) return [];
    const name = `batch-${chunks[0]!.index}`;
    const control = join(request.workDir, `${name}.ctl`);
    const ctm = join(request.workDir, `${name}.ctm`);
    const log = join(request.workDir, `${name}.log`);
    const pcmName = basename(request.pcmPath, extname(request.pcmPath));
    await writeFile(
      control,
      chunks.map((c) => `${pcmName} ${c.startMs / 10} ${c.endMs / 10} c${c.index}`).join('\n') + '\n',
    );
    const files = this.files;
    const result = await runChild(
      this.options.binary,
      [
        '-hmm',
        files.hmm,
        '-lm',
        files.lm,
        '-dict',
        files.dict,
        '-adcin',
        'yes',
        '-cepdir',
        dirname(request.pcmPath),
        '-cepext',
        extname(request.pcmPath),
        '-ctl',
        control,
        '-ctm',
        ctm,
        '-logfn',
        log,
        ...this.options.extraArgs,
      ],
      { signal },
    ).catch((error: unknown) => {
      throw new AsrError(
        'MODEL_UNAVAILABLE',
        `PocketSphinx could not be started (${this.options.binary}): install the Debian package pocketsphinx or set POCKETSPHINX_BATCH_PATH.`,
        {},
        error,
      );
    });
    if (result.aborted) throw new AsrError('ABORTED', 'Transcription was stopped.');
    if (result.exitCode !== 0) {
      const tail = (await readFile(log, 'utf8').catch(() => ''))
        .split('\n')
        .filter((l) => /ERROR|FATAL/.test(l))
        .slice(-3);
      throw new AsrError(
        'ENGINE_FAILED',
        `PocketSphinx failed (exit ${result.exitCode}): ${tail.join(' ').slice(0, 300)}`,
      );
    }
    const words = parseCtm(await readFile(ctm, 'utf8').catch(() => ''));
    const matcher = request.vocabulary.length
      ? new VocabularyMatcher(request.vocabulary, await this.pronouncer())
      : undefined;
    return chunks.map((chunk) => {
      const recognised = (words.get(`c${chunk.index}`) ?? []).map((w) => ({
        ...w,
        startMs: w.startMs + chunk.startMs,
        endMs: Math.min(chunk.endMs, w.endMs + chunk.startMs),
      }));
      const final = matcher ? matcher.apply(recognised) : recognised;
      const confidences = final.map((w) => w.confidence ?? 0);
      return {
        chunk,
        text: final.map((w) => w.word).join(' '),
        words: final,
        confidence: confidences.length
          ? confidences.reduce((a, b) => a + b, 0) / confidences.length
          : undefined,
        language: 'en',
      };
    });
  }

  private async pronouncer(): Promise<(word: string) => string[]> {
    this.pronunciations ??= loadPronunciations(this.files.dict);
    const dictionary = await this.pronunciations;
    return (word) => dictionary.get(word.toLowerCase()) ?? guessPronunciation(word);
  }
}
