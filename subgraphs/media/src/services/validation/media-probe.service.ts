import type { ContainerReport, MediaInspectorPort, StreamReport } from '../../probe/media-inspector.port.js';
import { reject, type MediaRejection } from '../../domain/media-rejection.js';
import { findMediaType } from '../../domain/media-types.js';

export interface MediaProbeConfig {
  maxDurationSeconds: number;
  minDurationSeconds: number;
  /** How much of the end is read to prove the file is whole. */
  tailWindowSeconds: number;
  /** How far the last packet may end before the announced duration. */
  truncationToleranceSeconds: number;
  /** How much of the start is decoded to prove the audio is real. */
  headDecodeSeconds: number;
}

export const DEFAULT_MEDIA_PROBE: MediaProbeConfig = {
  maxDurationSeconds: 8 * 3600,
  minDurationSeconds: 0.5,
  tailWindowSeconds: 5,
  truncationToleranceSeconds: 1,
  headDecodeSeconds: 10,
};

/** What a valid recording is made of. */
export interface MediaFacts {
  durationSeconds: number;
  container: string;
  audioCodec: string;
  sampleRate: number;
  channels: number;
  videoCodec?: string;
  bitRate?: number;
}

export type ProbeOutcome = { accepted: true; facts: MediaFacts } | MediaRejection;

/** Tells whether the bytes at a URL are a whole, real recording of the declared type, with speech-capable audio. */
export class MediaProbe {
  constructor(
    private readonly inspector: MediaInspectorPort,
    private readonly config: MediaProbeConfig = DEFAULT_MEDIA_PROBE,
  ) {}

  async examine(url: string, declaredContentType: string): Promise<ProbeOutcome> {
    const inspection = await this.inspector.inspect(url);
    if (!inspection.readable) return rejectUnreadable(inspection.diagnostics);
    const { container } = inspection;

    const audio = container.streams.find(isUsableAudio);
    if (!audio) return rejectWithoutAudio(container);

    const declared = findMediaType(declaredContentType);
    if (!declared || !container.formatNames.some((name) => declared.containers.includes(name))) {
      return reject(
        'TYPE_MISMATCH',
        `The file was announced as ${declaredContentType} but its content is ${describe(container)}.`,
      );
    }

    const head = await this.inspector.decodeHead(url, audio.index, this.config.headDecodeSeconds);
    if (head.decodedSeconds <= 0) {
      return reject('NOT_MEDIA', 'The audio in this file cannot be decoded.');
    }

    const duration = await this.measureWholeDuration(url, audio, container);
    if (duration.truncated) {
      return reject(
        'TRUNCATED',
        `The file is incomplete: its audio stops at ${formatTime(duration.endSeconds)} of ${formatTime(duration.announcedSeconds)}.`,
      );
    }
    if (duration.endSeconds < this.config.minDurationSeconds) {
      return reject('TOO_SHORT', 'The recording is too short to contain speech.');
    }
    if (duration.endSeconds > this.config.maxDurationSeconds) {
      return reject(
        'TOO_LONG',
        `The recording is longer than the ${formatTime(this.config.maxDurationSeconds)} limit.`,
      );
    }

    const video = container.streams.find((s) => s.codecType === 'video' && !s.attachedPicture);
    return {
      accepted: true,
      facts: {
        durationSeconds: duration.announcedSeconds ?? duration.endSeconds,
        container: container.formatNames.join(','),
        audioCodec: audio.codecName ?? 'unknown',
        sampleRate: audio.sampleRate!,
        channels: audio.channels!,
        videoCodec: video?.codecName,
        bitRate: container.bitRate,
      },
    };
  }

  /**
   * Reads the packets of the last seconds: in a cut-off file they end well before the duration
   * the header announces (or there are none). Without an announced duration, as in browser
   * WebM recordings, the whole file is scanned, streaming.
   */
  private async measureWholeDuration(url: string, audio: StreamReport, container: ContainerReport) {
    const announcedSeconds = audio.durationSeconds ?? container.durationSeconds;
    const from =
      announcedSeconds === undefined ? undefined : announcedSeconds - this.config.tailWindowSeconds;
    const endSeconds = (await this.inspector.lastPacketEnd(url, audio.index, from)) ?? 0;
    const truncated =
      announcedSeconds !== undefined &&
      endSeconds < announcedSeconds - this.config.truncationToleranceSeconds;
    return { announcedSeconds, endSeconds, truncated };
  }
}

function isUsableAudio(stream: StreamReport): boolean {
  return stream.codecType === 'audio' && !!stream.sampleRate && !!stream.channels;
}

function rejectUnreadable(diagnostics: string): MediaRejection {
  // An MP4/MOV whose index (moov) never arrived: the upload was cut off, the bytes are media.
  if (/moov atom not found/i.test(diagnostics)) {
    return reject(
      'TRUNCATED',
      'The file is incomplete: its index is missing, so the upload was probably cut off.',
    );
  }
  return reject('NOT_MEDIA', 'The file is not an audio or video recording we can read.');
}

function rejectWithoutAudio(container: ContainerReport): MediaRejection {
  const hasVideo = container.streams.some((s) => s.codecType === 'video' && !s.attachedPicture);
  return hasVideo
    ? reject('NO_AUDIO_STREAM', 'The video has no audio track, so there is no speech to transcribe.')
    : reject('NOT_MEDIA', 'The file is not an audio or video recording we can read.');
}

function describe(container: ContainerReport): string {
  return container.formatLongName ? `${container.formatLongName}` : container.formatNames.join('/');
}

function formatTime(seconds: number | undefined): string {
  const s = Math.round(seconds ?? 0);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return h ? `${h}h${String(m).padStart(2, '0')}m` : `${m}m${String(s % 60).padStart(2, '0')}s`;
}
