import { TranscriptError } from './transcript-error.js';

export const MAX_SPEAKER_NAME = 100;

export interface SpeakerNaming {
  label: string;
  name: string;
  email: string | null;
}

const LABEL = /^S[1-9]\d{0,3}$/;
// Exports put the name on one line (`Name: text`, `<v Name>`): no line breaks or control characters.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
const EMAIL = /^[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:"]+\.[^\s@<>()[\],;:"]+$/;

/** An owner's name for a speaker, checked and normalized, or BAD_USER_INPUT naming the field. */
export function parseSpeakerNaming(
  label: string,
  name: string,
  email: string | null | undefined,
): SpeakerNaming {
  const trimmedLabel = label.trim().toUpperCase();
  if (!LABEL.test(trimmedLabel)) {
    throw TranscriptError.invalidInput('label', 'label must be a speaker label such as S1 or S2');
  }
  if (CONTROL.test(name)) {
    throw TranscriptError.invalidInput('name', 'name must be one line without control characters');
  }
  const trimmed = name.normalize('NFC').replace(/\s+/g, ' ').trim();
  if (trimmed === '') throw TranscriptError.invalidInput('name', 'name must not be empty');
  if (trimmed.length > MAX_SPEAKER_NAME) {
    throw TranscriptError.invalidInput('name', `name must be at most ${MAX_SPEAKER_NAME} characters`);
  }
  const address = email?.trim() || null;
  if (address !== null && (address.length > 254 || !EMAIL.test(address))) {
    throw TranscriptError.invalidInput('email', 'email must be an e-mail address');
  }
  return { label: trimmedLabel, name: trimmed, email: address?.toLowerCase() ?? null };
}
