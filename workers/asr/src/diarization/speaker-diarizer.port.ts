import type { Voiceprint } from '@mymeet/contracts';

/** A stretch of one speaker's speech, in milliseconds of the whole recording. */
export interface SpeakerTurn {
  startMs: number;
  endMs: number;
  /** `S1`, `S2`… stable within one run. */
  speaker: string;
}

export interface DiarizedSpeaker {
  label: string;
  voiceprint: Voiceprint | null;
}

export interface Diarization {
  /** In time order, not overlapping. */
  turns: SpeakerTurn[];
  /** In label order. */
  speakers: DiarizedSpeaker[];
}

/** The decoded recording as the diarizer reads it. */
export interface DiarizationInput {
  /** 16 kHz mono s16le PCM, the same file the speech engine reads. */
  pcmPath: string;
  durationMs: number;
  /** The same audio with its channels kept (interleaved s16le), when the recording had several. */
  multichannel?: { path: string; channels: number };
  /** At most this many speakers (the meeting's participants, when known). */
  maxSpeakers?: number;
}

export interface SpeakerDiarizer {
  /** Stable name, for logs. */
  readonly name: string;
  /**
   * Fails at once, before any audio is decoded, when this diarizer cannot run (a model file
   * missing), naming the setting that would fix it.
   */
  assertReady(): Promise<void>;
  /** Whether the recording should be decoded with its channels kept for this diarizer. */
  readonly wantsChannels: boolean;
  diarize(input: DiarizationInput, signal: AbortSignal): Promise<Diarization>;
  close?(): void;
}

/** `S1`, `S2`… from a speaker number counted from 0. */
export function speakerLabel(index: number): string {
  return `S${index + 1}`;
}
