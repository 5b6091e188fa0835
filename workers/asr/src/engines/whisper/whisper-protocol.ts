/** Messages between the worker and its whisper.cpp child process. */
export type WhisperRequest =
  | { type: 'load'; modelPath: string }
  | {
      type: 'transcribe';
      id: number;
      pcmPath: string;
      startMs: number;
      endMs: number;
      /** ISO 639-1, or 'auto' to detect it. */
      language: string;
      prompt?: string;
      threads: number;
    };

export type WhisperReply =
  | { type: 'loaded' }
  | { type: 'failed'; id?: number; message: string }
  | {
      type: 'result';
      id: number;
      language?: string;
      /** With token timestamps and a maximum segment length of 1, whisper.cpp gives one segment per word. */
      segments: Array<{ text: string; t0: number; t1: number }>;
    };
