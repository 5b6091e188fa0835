import type { ExportSegment, ExportTranscript } from './export-input.js';
import { toJson } from './json-export.js';
import { toSrt } from './srt-export.js';
import { toTxt } from './txt-export.js';
import { toVtt } from './vtt-export.js';

export enum TranscriptFormat {
  TXT = 'TXT',
  SRT = 'SRT',
  VTT = 'VTT',
  JSON = 'JSON',
}

export function renderExport(
  format: TranscriptFormat,
  transcript: ExportTranscript,
  segments: readonly ExportSegment[],
): string {
  switch (format) {
    case TranscriptFormat.TXT:
      return toTxt(segments);
    case TranscriptFormat.SRT:
      return toSrt(segments);
    case TranscriptFormat.VTT:
      return toVtt(segments);
    case TranscriptFormat.JSON:
      return toJson(transcript, segments);
  }
}
