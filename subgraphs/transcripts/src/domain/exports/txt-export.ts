import { cues, type ExportSegment } from './export-input.js';
import { clockTimestamp } from './timestamps.js';

/** One line per segment: `[00:01:02] Speaker: text` (no speaker prefix when the speaker is unknown). */
export function toTxt(segments: readonly ExportSegment[]): string {
  return cues(segments)
    .map((cue) => `[${clockTimestamp(cue.startMs)}] ${cue.speaker ? `${cue.speaker}: ` : ''}${cue.text}\n`)
    .join('');
}
