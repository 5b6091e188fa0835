import { TranscriptError } from '../domain/transcript-error.js';

/**
 * What a user typed, reduced to what both engines understand: whole words (all must match), quoted
 * phrases (their words in order) and, when the query ends inside a word, that word as a prefix (the
 * user is still typing it). Everything that is not a letter or a digit separates words, so no
 * engine operator ever reaches an engine from user input.
 */
export interface ParsedSearchQuery {
  words: string[];
  phrases: string[];
  prefix: string | null;
}

export const SEARCH_QUERY_LIMITS = { maxLength: 300, maxTerms: 12, minPrefixLength: 2 } as const;

const WORD = /[\p{L}\p{N}]+/gu;
// Straight, typographic and guillemet quotes all open and close a phrase.
const QUOTE = /["“”„«»]/u;

export function parseSearchQuery(raw: string): ParsedSearchQuery {
  const text = raw.normalize('NFKC');
  if (text.length > SEARCH_QUERY_LIMITS.maxLength) {
    throw TranscriptError.invalidInput(
      'query',
      `query must be at most ${SEARCH_QUERY_LIMITS.maxLength} characters`,
    );
  }
  const words: string[] = [];
  const phrases: string[] = [];
  const parts = text.split(QUOTE);
  // Odd parts were between quotes; an unclosed quote still makes a phrase of what follows it.
  parts.forEach((part, position) => {
    const found = part.match(WORD)?.map((word) => word.toLowerCase()) ?? [];
    if (position % 2 === 1 && found.length > 1) phrases.push(found.join(' '));
    else words.push(...found);
  });
  const endsInsideWord = parts.length % 2 === 1 && /[\p{L}\p{N}]$/u.test(text);
  let prefix: string | null = null;
  if (endsInsideWord && words.length > 0 && words.at(-1)!.length >= SEARCH_QUERY_LIMITS.minPrefixLength) {
    prefix = words.pop()!;
  }
  const uniqueWords = [...new Set(words)];
  const terms = uniqueWords.length + phrases.length + (prefix ? 1 : 0);
  if (terms === 0) throw TranscriptError.invalidInput('query', 'query must contain at least one word');
  if (terms > SEARCH_QUERY_LIMITS.maxTerms) {
    throw TranscriptError.invalidInput(
      'query',
      `query may have at most ${SEARCH_QUERY_LIMITS.maxTerms} words and phrases`,
    );
  }
  return { words: uniqueWords, phrases, prefix };
}

/** A stable text form of the query, so a cursor can tell which query it belongs to. */
export function queryFingerprint(query: ParsedSearchQuery): string {
  return JSON.stringify([query.words, query.phrases, query.prefix]);
}
