import type { ReportLanguage } from '../domain/report-request.js';
import type { CitedNote } from '../pipeline/report-schemas.js';
import type { Sentence } from './sentences.js';
import { isStopword } from './stopwords.js';
import { stem, words } from './tokens.js';

interface Phrase {
  forms: Map<string, number>;
  count: number;
  segments: number[];
  length: number;
}

/**
 * Candidate topics of a chunk: runs of one or two content words ("release date", "бюджет"),
 * grouped by stem, each with how often it is said and where. Two-word phrases weigh more: they
 * name a subject where a single word is often just frequent.
 */
export function chunkTopics(
  sentences: readonly Sentence[],
  language: ReportLanguage,
  max: number,
): CitedNote[] {
  const phrases = new Map<string, Phrase>();
  const add = (key: string, form: string, segment: number, length: number) => {
    const phrase: Phrase = phrases.get(key) ?? { forms: new Map(), count: 0, segments: [], length };
    phrase.count++;
    phrase.forms.set(form, (phrase.forms.get(form) ?? 0) + 1);
    if (phrase.segments.at(-1) !== segment) phrase.segments.push(segment);
    phrases.set(key, phrase);
  };
  for (const sentence of sentences) {
    const run: string[] = [];
    const flush = () => {
      for (let i = 0; i < run.length; i++) {
        const word = run[i]!;
        if (word.length >= 4) add(stem(word.toLowerCase()), word, sentence.segment, 1);
        const next = run[i + 1];
        if (next)
          add(
            `${stem(word.toLowerCase())} ${stem(next.toLowerCase())}`,
            `${word} ${next}`,
            sentence.segment,
            2,
          );
      }
      run.length = 0;
    };
    for (const word of words(sentence.text)) {
      const lower = word.toLowerCase().replace(/ё/g, 'е');
      if (lower.length < 3 || isStopword(lower, language) || /\d/.test(lower)) flush();
      else run.push(word);
    }
    flush();
  }
  return [...phrases.values()]
    .filter((phrase) => phrase.count >= 2)
    .map((phrase) => ({
      text: displayForm(phrase.forms),
      segments: phrase.segments.slice(0, 20),
      weight: phrase.count * (phrase.length === 2 ? 2.5 : 1),
    }))
    .sort((a, b) => b.weight - a.weight)
    .slice(0, max);
}

/** The form said most often, lower-cased unless it is always capitalised (a name, a product). */
function displayForm(forms: Map<string, number>): string {
  const [best] = [...forms.entries()].sort((a, b) => b[1] - a[1])[0]!;
  const alwaysCapitalised = [...forms.keys()].every((form) => /^\p{Lu}/u.test(form));
  return alwaysCapitalised ? best : best.toLowerCase();
}
