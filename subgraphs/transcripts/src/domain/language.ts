import { TranscriptError } from './transcript-error.js';

/** BCP 47 language tags as engines take them: `en`, `ru`, `pt-BR`, `zh-Hant`. */
const LANGUAGE_TAG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}$/;

export function parseLanguage(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const trimmed = value.trim();
  if (!LANGUAGE_TAG.test(trimmed)) {
    throw TranscriptError.invalidInput('language', 'language must be a language tag such as "en" or "pt-BR"');
  }
  return trimmed;
}
