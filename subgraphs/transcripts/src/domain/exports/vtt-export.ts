import { cues, type ExportSegment } from './export-input.js';
import { vttTimestamp } from './timestamps.js';

const escapeText = (text: string) =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

/** WebVTT with a `<v Speaker>` voice span on every cue whose speaker is known. */
export function toVtt(segments: readonly ExportSegment[]): string {
  const body = cues(segments)
    .map((cue) => {
      const voice = cue.speaker ? `<v ${escapeText(cue.speaker)}>` : '';
      return `${cue.index + 1}\n${vttTimestamp(cue.startMs)} --> ${vttTimestamp(cue.endMs)}\n${voice}${escapeText(cue.text)}\n`;
    })
    .join('\n');
  return body === '' ? 'WEBVTT\n' : `WEBVTT\n\n${body}`;
}
