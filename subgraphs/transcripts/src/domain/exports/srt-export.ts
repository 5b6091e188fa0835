import { cues, type ExportSegment } from './export-input.js';
import { srtTimestamp } from './timestamps.js';

/** SubRip: numbered cues, `HH:MM:SS,mmm --> HH:MM:SS,mmm`, the speaker as a `Name: ` prefix. */
export function toSrt(segments: readonly ExportSegment[]): string {
  return cues(segments)
    .map((cue, position) => {
      // An arrow inside the text would read as a timing line to some parsers.
      const text = `${cue.speaker ? `${cue.speaker}: ` : ''}${cue.text}`.replaceAll('-->', '->');
      return `${position + 1}\n${srtTimestamp(cue.startMs)} --> ${srtTimestamp(cue.endMs)}\n${text}\n`;
    })
    .join('\n');
}
