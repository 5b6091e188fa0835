import type { ReportLanguage, Segment } from '../domain/report-request.js';
import { contentTerms, words } from './tokens.js';

/** A sentence of the transcript, with the segment it was said in. */
export interface Sentence {
  /** Position in the whole transcript, for chronological order. */
  position: number;
  segment: number;
  speaker: string | null;
  text: string;
  terms: string[];
}

const SENTENCE_END = /(?<=[.!?…])["»”)]?\s+(?=["«“(]?[\p{Lu}\p{N}])/u;
/** Engines without punctuation (PocketSphinx) give one long run per segment; cut it into readable pieces. */
const MAX_UNPUNCTUATED_WORDS = 30;

export function splitSentences(segments: readonly Segment[], language: ReportLanguage): Sentence[] {
  const sentences: Sentence[] = [];
  for (const segment of segments) {
    for (const text of sentencesOf(segment.text)) {
      sentences.push({
        position: sentences.length,
        segment: segment.index,
        speaker: segment.speaker,
        text,
        terms: contentTerms(text, language),
      });
    }
  }
  return sentences;
}

function sentencesOf(text: string): string[] {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (!clean) return [];
  return clean.split(SENTENCE_END).flatMap((sentence) => {
    const all = words(sentence);
    if (all.length <= MAX_UNPUNCTUATED_WORDS || /[.!?…,;]/.test(sentence)) return [sentence];
    const pieces: string[] = [];
    const tokens = sentence.split(' ');
    for (let i = 0; i < tokens.length; i += MAX_UNPUNCTUATED_WORDS) {
      pieces.push(tokens.slice(i, i + MAX_UNPUNCTUATED_WORDS).join(' '));
    }
    return pieces;
  });
}
