import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { JobPayload } from '@mymeet/contracts';
import type { Logger } from '@mymeet/core';
import { MAX_SPEAKER_CHANNELS, probeAudioChannels } from '../audio/channel-probe.js';
import { decodeToPcm } from '../audio/pcm-decoder.js';
import { detectSilences } from '../audio/energy-vad.js';
import { quietestPoint } from '../audio/pcm-audio.js';
import { DiarizationRun } from '../diarization/diarization-run.js';
import type { DiarizedSpeaker, SpeakerDiarizer } from '../diarization/speaker-diarizer.port.js';
import { planChunks, type Chunk } from '../domain/chunk-plan.js';
import { ProgressTracker, type ProgressStage } from '../domain/progress-tracker.js';
import { runInOrder } from '../domain/run-in-order.js';
import type { SpeechEngine } from '../engines/speech-engine.port.js';
import type { TranscriptEventsPort } from '../events/transcript-events.port.js';
import type { RecordingSourcePort } from '../storage/recording-source.port.js';
import { batchChunks } from './chunk-batches.js';

export interface TranscriptionSettings {
  ffmpegPath: string;
  ffprobePath: string;
  tempDir: string;
  tempBudgetBytes: number;
  maxChunkSeconds: number;
  minSilenceSeconds: number;
  silenceThresholdDb: number;
  concurrency: number;
}

export interface TranscriptionOutcome {
  segmentCount: number;
  durationSeconds: number;
  language?: string;
  speakers: DiarizedSpeaker[];
}

/**
 * One transcription run: stream the recording into PCM on local disk, cut it at silences, transcribe
 * the voiced chunks in parallel while the diarizer tells the voices apart, and announce progress and
 * each segment (split where the speaker changes) in order, then completion. Segment indexes depend
 * only on the audio, the engine and the diarizer, so a redelivered job overwrites.
 */
export class TranscriptionService {
  constructor(
    private readonly source: RecordingSourcePort,
    private readonly engine: SpeechEngine,
    private readonly diarizer: SpeakerDiarizer,
    private readonly events: TranscriptEventsPort,
    private readonly settings: TranscriptionSettings,
    private readonly logger: Logger,
  ) {}

  /** `attempt` (1 on the first delivery) tags every segment, so the transcripts service lets a later attempt win. */
  async run(job: JobPayload<'asr'>, attempt: number, signal: AbortSignal): Promise<TranscriptionOutcome> {
    const language = job.language ?? undefined;
    await this.engine.assertCanTranscribe(language);
    await this.diarizer.assertReady();
    const url = await this.source.urlFor(job.objectKey);
    const progress = new ProgressTracker(await this.events.progressFloor(job.meetingId, job.transcriptId));
    const announce = async (stage: ProgressStage, fraction: number) => {
      const update = progress.advance(stage, fraction);
      if (update) await this.events.progress(job.meetingId, { transcriptId: job.transcriptId, ...update });
    };
    const workDir = await mkdtemp(join(this.settings.tempDir, 'mymeet-asr-'));
    try {
      await announce('DECODING', 0);
      const channels = this.diarizer.wantsChannels
        ? await probeAudioChannels(this.settings.ffprobePath, url, signal)
        : 1;
      let decodingAnnounced = Promise.resolve();
      const audio = await decodeToPcm({
        ffmpegPath: this.settings.ffmpegPath,
        source: url,
        target: join(workDir, 'audio.pcm'),
        budgetBytes: this.settings.tempBudgetBytes,
        expectedDurationSeconds: job.durationSeconds ?? undefined,
        channels:
          channels > 1 && channels <= MAX_SPEAKER_CHANNELS
            ? { target: join(workDir, 'channels.pcm'), count: channels }
            : undefined,
        signal,
        onProgress: (fraction) => {
          decodingAnnounced = decodingAnnounced.then(() => announce('DECODING', fraction));
        },
      });
      await decodingAnnounced;
      const diarization = DiarizationRun.start(
        this.diarizer,
        {
          pcmPath: audio.path,
          durationMs: audio.durationMs,
          multichannel: audio.multichannel,
          maxSpeakers: job.maxSpeakers ?? undefined,
        },
        signal,
      );
      const chunks = planChunks({
        durationMs: audio.durationMs,
        silences: detectSilences(audio.path, {
          minSilenceMs: this.settings.minSilenceSeconds * 1000,
          floorDb: this.settings.silenceThresholdDb,
        }),
        maxChunkMs: this.settings.maxChunkSeconds * 1000,
        quietestBetween: (from, to) => quietestPoint(audio.path, from, to),
      });
      this.logger.info(
        { transcriptId: job.transcriptId, durationMs: audio.durationMs, chunks: chunks.length },
        'decoded; transcribing',
      );
      await announce('TRANSCRIBING', 0);
      const voicedMs = chunks.reduce((sum, c) => sum + c.endMs - c.startMs, 0);
      let doneMs = 0;
      let segmentCount = 0;
      const languages = new Map<string, number>();
      const request = { pcmPath: audio.path, workDir, language, vocabulary: job.vocabulary ?? [] };
      await runInOrder(
        batchChunks(chunks, this.engine.batchSeconds * 1000),
        this.settings.concurrency,
        (batch: Chunk[], batchSignal) => this.engine.transcribe(batch, request, batchSignal),
        async (batch, results) => {
          for (const result of results) {
            if (result.language) languages.set(result.language, (languages.get(result.language) ?? 0) + 1);
            if (!result.text.trim()) continue;
            const pieces = await diarization.label({
              startMs: result.words[0]?.startMs ?? result.chunk.startMs,
              endMs: result.words.at(-1)?.endMs ?? result.chunk.endMs,
              text: result.text,
              words: result.words,
            });
            for (const piece of pieces) {
              await this.events.segment(job.meetingId, {
                transcriptId: job.transcriptId,
                index: segmentCount++,
                ...piece,
                confidence: result.confidence ?? null,
                attempt,
              });
            }
          }
          doneMs += batch.reduce((sum, c) => sum + c.endMs - c.startMs, 0);
          await announce('TRANSCRIBING', voicedMs ? doneMs / voicedMs : 1);
        },
        signal,
      );
      const detected = [...languages].sort((a, b) => b[1] - a[1])[0]?.[0];
      return {
        segmentCount,
        durationSeconds: audio.durationMs / 1000,
        language: language ?? detected,
        speakers: await diarization.speakers(),
      };
    } finally {
      await rm(workDir, { recursive: true, force: true });
    }
  }
}
