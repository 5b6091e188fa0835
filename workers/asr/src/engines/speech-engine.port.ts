import type { Chunk } from '../domain/chunk-plan.js';

/** A recognised word, with times relative to the whole recording. */
export interface RecognisedWord {
  word: string;
  startMs: number;
  endMs: number;
  /** 0..1 where the engine gives one. */
  confidence?: number;
}

/** What an engine made of one chunk: the same shape from every engine. */
export interface ChunkTranscript {
  chunk: Chunk;
  text: string;
  /** Per-word times where the engine gives them (PocketSphinx always, Whisper with token timestamps). */
  words: RecognisedWord[];
  confidence?: number;
  /** The language the engine used or detected. */
  language?: string;
}

export interface TranscriptionRequest {
  /** The decoded recording (16 kHz mono s16le PCM); chunks address it by time. */
  pcmPath: string;
  /** A scratch folder of this job, removed after it. */
  workDir: string;
  /** The meeting's language (BCP 47 or ISO 639-1), or undefined to let the engine decide. */
  language?: string;
  /** Names and terms to favour. */
  vocabulary: readonly string[];
}

export interface SpeechEngine {
  /** Stable name, published as `transcript.completed.engine`. */
  readonly name: string;
  /** Audio the engine takes per call: several chunks when starting it costs more than a chunk. */
  readonly batchSeconds: number;
  /**
   * Fails at once (before any audio is decoded) when this engine cannot do the job, naming the
   * setting that would: an unsupported language, a missing model file.
   */
  assertCanTranscribe(language: string | undefined): Promise<void>;
  /** Transcribes consecutive chunks; one result per chunk, in order. Honour the signal: kill children, cancel requests. */
  transcribe(
    chunks: readonly Chunk[],
    request: TranscriptionRequest,
    signal: AbortSignal,
  ): Promise<ChunkTranscript[]>;
}

/** `en`, `en-US`, `EN_gb` → `en`. */
export function baseLanguage(language: string | undefined): string | undefined {
  return language?.trim().toLowerCase().split(/[-_]/)[0] || undefined;
}
