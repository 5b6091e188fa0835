import { readPcm, wavFromPcm } from '../../audio/pcm-audio.js';
import type { Chunk } from '../../domain/chunk-plan.js';
import { AsrError } from '../../domain/asr-error.js';
import {
  baseLanguage,
  type ChunkTranscript,
  type RecognisedWord,
  type SpeechEngine,
  type TranscriptionRequest,
} from '../speech-engine.port.js';

export interface OpenAiTranscriptionOptions {
  /** `https://api.openai.com/v1`, a server's root, or the full `/v1/audio/transcriptions` URL. */
  url: string;
  apiKey?: string;
  model: string;
  timeoutMs: number;
}

interface VerboseTranscription {
  text?: string;
  language?: string;
  words?: Array<{ word: string; start: number; end: number }>;
  segments?: Array<{ text: string; start: number; end: number; avg_logprob?: number }>;
}

/** Any OpenAI-compatible `/v1/audio/transcriptions` endpoint (OpenAI, Groq, a self-hosted whisper server…). */
export class OpenAiTranscriptionEngine implements SpeechEngine {
  readonly name: string;
  readonly batchSeconds = 0;
  private readonly endpoint: string;

  constructor(private readonly options: OpenAiTranscriptionOptions) {
    this.name = `openai:${options.model}`;
    this.endpoint = transcriptionsUrl(options.url);
  }

  async assertCanTranscribe(): Promise<void> {
    // The API names the languages it knows; an unknown one comes back as a 400 on the first chunk.
  }

  async transcribe(
    chunks: readonly Chunk[],
    request: TranscriptionRequest,
    signal: AbortSignal,
  ): Promise<ChunkTranscript[]> {
    const results: ChunkTranscript[] = [];
    for (const chunk of chunks) results.push(await this.transcribeChunk(chunk, request, signal));
    return results;
  }

  private async transcribeChunk(
    chunk: Chunk,
    request: TranscriptionRequest,
    signal: AbortSignal,
  ): Promise<ChunkTranscript> {
    const form = new FormData();
    const wav = wavFromPcm(readPcm(request.pcmPath, chunk.startMs, chunk.endMs));
    form.append('file', new Blob([new Uint8Array(wav)], { type: 'audio/wav' }), `chunk-${chunk.index}.wav`);
    form.append('model', this.options.model);
    form.append('response_format', 'verbose_json');
    form.append('timestamp_granularities[]', 'word');
    form.append('timestamp_granularities[]', 'segment');
    form.append('temperature', '0');
    const language = baseLanguage(request.language);
    if (language) form.append('language', language);
    if (request.vocabulary.length) form.append('prompt', `Vocabulary: ${request.vocabulary.join(', ')}.`);
    let response: Response;
    try {
      response = await fetch(this.endpoint, {
        method: 'POST',
        headers: this.options.apiKey ? { authorization: `Bearer ${this.options.apiKey}` } : {},
        body: form,
        signal: AbortSignal.any([signal, AbortSignal.timeout(this.options.timeoutMs)]),
      });
    } catch (error) {
      if (signal.aborted) throw new AsrError('ABORTED', 'Transcription was stopped.', {}, error);
      throw new AsrError(
        'ENGINE_FAILED',
        `The transcription API at ${new URL(this.endpoint).host} did not answer.`,
        {},
        error,
      );
    }
    const body = await response.text();
    if (!response.ok) {
      const detail = safeMessage(body);
      const permanent = [400, 401, 403, 404, 413, 415, 422].includes(response.status);
      throw new AsrError(
        permanent ? 'ENGINE_REJECTED' : 'ENGINE_FAILED',
        `The transcription API refused the audio (HTTP ${response.status}${detail ? `: ${detail}` : ''}). Check ASR_API_URL, ASR_API_KEY and ASR_MODEL.`,
      );
    }
    return toTranscript(chunk, parseBody(body, response.headers.get('content-type')));
  }
}

function transcriptionsUrl(url: string): string {
  const trimmed = url.replace(/\/+$/, '');
  if (trimmed.endsWith('/audio/transcriptions')) return trimmed;
  return trimmed.endsWith('/v1') ? `${trimmed}/audio/transcriptions` : `${trimmed}/v1/audio/transcriptions`;
}

function parseBody(body: string, contentType: string | null): VerboseTranscription {
  if (contentType?.includes('json') || body.trimStart().startsWith('{')) {
    try {
      return JSON.parse(body) as VerboseTranscription;
    } catch (error) {
      throw new AsrError('ENGINE_FAILED', 'The transcription API answered with malformed JSON.', {}, error);
    }
  }
  return { text: body };
}

function toTranscript(chunk: Chunk, answer: VerboseTranscription): ChunkTranscript {
  const at = (seconds: number) => Math.min(chunk.endMs, chunk.startMs + Math.round(seconds * 1000));
  const words: RecognisedWord[] = (answer.words ?? [])
    .filter((w) => w.word.trim())
    .map((w) => ({ word: w.word.trim(), startMs: at(w.start), endMs: at(w.end) }));
  const logprobs = (answer.segments ?? [])
    .map((s) => s.avg_logprob)
    .filter((p): p is number => typeof p === 'number');
  return {
    chunk,
    text: (answer.text ?? answer.segments?.map((s) => s.text).join(' ') ?? '').replace(/\s+/g, ' ').trim(),
    words,
    confidence: logprobs.length ? Math.exp(logprobs.reduce((a, b) => a + b, 0) / logprobs.length) : undefined,
    language: answer.language,
  };
}

function safeMessage(body: string): string {
  try {
    const parsed = JSON.parse(body) as { error?: { message?: string } | string };
    const message = typeof parsed.error === 'string' ? parsed.error : parsed.error?.message;
    return (message ?? '').slice(0, 200);
  } catch {
    return body.slice(0, 200).replace(/\s+/g, ' ');
  }
}
