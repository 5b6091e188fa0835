import { findDueDate } from '../domain/due-date.js';
import type { ReportLanguage, Segment } from '../domain/report-request.js';
import { splitClauses } from './clauses.js';
import { People } from './people.js';
import { isStopword } from './stopwords.js';
import { contentTerms, words } from './tokens.js';

/** A sentence of the transcript (a clause, in speech written without punctuation), with where it was said. */
export interface Sentence {
  /** Position in the whole transcript, for chronological order. */
  position: number;
  /** The segment it starts in. */
  segment: number;
  /** Every segment it spans: a clause cut by a pause ends in the next one. */
  segments: number[];
  speaker: string | null;
  text: string;
  terms: string[];
  /** Written without punctuation or capitals (as PocketSphinx writes): the report tidies it. */
  spoken: boolean;
}

const SENTENCE_END = /(?<=[.!?…])["»”)]?\s+(?=["«“(]?[\p{Lu}\p{N}])/u;
/** Engines without punctuation (PocketSphinx) give one long run per segment; cut it into readable pieces. */
const MAX_UNPUNCTUATED_WORDS = 30;
/** A deadline said after a pause shorter than this still belongs to the clause before it. */
const CONTINUATION_GAP_MS = 2_000;
const ANY_DAY = new Date(0);

export function splitSentences(
  segments: readonly Segment[],
  language: ReportLanguage,
  people: People = People.of(),
): Sentence[] {
  const sentences: Sentence[] = [];
  let previous: Segment | undefined;
  for (const segment of segments) {
    const spoken = !/[.!?…]/.test(segment.text);
    const texts = spoken ? splitClauses(segment.text, language, people) : sentencesOf(segment.text);
    const last = sentences.at(-1);
    // "carol can you prepare the webinar schedule" | pause | "by wednesday thanks"
    if (spoken && texts.length > 0 && isBareDeadline(texts[0]!, language)) {
      const continues =
        last?.spoken &&
        previous &&
        last.segments.at(-1) === previous.index &&
        segment.startMs - previous.endMs <= CONTINUATION_GAP_MS &&
        segment.speaker === previous.speaker &&
        !findDueDate(last.text, language, ANY_DAY);
      const deadline = texts.shift()!;
      if (continues) {
        last.text = `${last.text} ${deadline}`;
        last.segments.push(segment.index);
        last.terms = contentTerms(last.text, language);
      } else if (texts.length > 0) texts[0] = `${deadline} ${texts[0]}`;
      else texts.push(deadline);
    }
    for (const text of texts) {
      sentences.push({
        position: sentences.length,
        segment: segment.index,
        segments: [segment.index],
        speaker: segment.speaker,
        text,
        terms: contentTerms(text, language),
        spoken,
      });
    }
    previous = segment;
  }
  return sentences;
}

/** Only a deadline ("by wednesday", "к среде"), perhaps with filler around it. */
function isBareDeadline(text: string, language: ReportLanguage): boolean {
  const due = findDueDate(text, language, ANY_DAY);
  if (!due?.deadline) return false;
  const rest = text.toLowerCase().replace(due.text.toLowerCase(), ' ');
  return words(rest).every((word) => isStopword(word.toLowerCase(), language));
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
