import { TranscriptError } from './transcript-error.js';
import { normalizeSegmentText } from './transcript-text.js';

export const MAX_SEGMENT_TEXT = 10_000;

export interface SegmentEdit {
  index: number;
  text: string;
}

/** An owner's correction of one segment, checked and normalized, or BAD_USER_INPUT naming the field. */
export function parseSegmentEdit(index: number, text: string): SegmentEdit {
  if (!Number.isInteger(index) || index < 0)
    throw TranscriptError.invalidInput('index', 'index must be 0 or more');
  const normalized = normalizeSegmentText(text);
  if (normalized === '') throw TranscriptError.invalidInput('text', 'text must not be empty');
  if (normalized.length > MAX_SEGMENT_TEXT) {
    throw TranscriptError.invalidInput('text', `text must be at most ${MAX_SEGMENT_TEXT} characters`);
  }
  return { index, text: normalized };
}
