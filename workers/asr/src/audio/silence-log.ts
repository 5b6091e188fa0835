import type { TimeSpan } from '../domain/chunk-plan.js';

/**
 * Collects ffmpeg `silencedetect` lines (`silence_start: 1.5`, `silence_end: 2.75 | …`) into spans.
 * A silence still open when the stream ends lasts to the end.
 */
export class SilenceLog {
  private readonly spans: TimeSpan[] = [];
  private openAt: number | undefined;

  /** Feeds one stderr line; returns true when it was a silencedetect line. */
  read(line: string): boolean {
    const start = /silence_start: (-?[\d.]+)/.exec(line);
    if (start) {
      this.openAt = Math.max(0, Number(start[1]) * 1000);
      return true;
    }
    const end = /silence_end: ([\d.]+)/.exec(line);
    if (end) {
      this.spans.push({ startMs: this.openAt ?? 0, endMs: Number(end[1]) * 1000 });
      this.openAt = undefined;
      return true;
    }
    return false;
  }

  silences(durationMs: number): TimeSpan[] {
    const closed = this.spans.map((span) => ({ ...span }));
    if (this.openAt !== undefined && this.openAt < durationMs) closed.push({ startMs: this.openAt, endMs: durationMs });
    return closed;
  }
}
