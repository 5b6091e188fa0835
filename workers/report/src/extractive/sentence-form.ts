import type { ReportLanguage } from '../domain/report-request.js';
import type { People } from './people.js';

/** Filler a sentence often starts with ("Okay, so", "Sure", "Итак,"): the report keeps the rest as said. */
const LEADING_FILLER =
  /^(?:(?:okay|ok|so|alright|right|well|and|sure|yes|yeah|um|uh|итак|так|ну|значит|ладно|хорошо|да|ага)[,.]?\s+)+/iu;
const EN_CAPITALISED = new Set(
  'monday tuesday wednesday thursday friday saturday sunday january february march april june july august september october november december'.split(
    ' ',
  ),
);
const EN_I = /^i(?:'(?:ll|m|d|ve))?$/u;
const QUESTION: Record<ReportLanguage, RegExp> = {
  en: /^(?:what|how|when|who|whom|whose|where|why|which|(?:[\p{L}']+\s+)?(?:can|could|would|will)\s+you|(?:can|could|should|shall|do|does|did|is|are|was|were)\s+(?:we|i|they|there|it|this|that|anyone|everyone|someone|somebody))(?![\p{L}'])/iu,
  ru: /^(?:что|как|когда|кто|где|почему|зачем|какой|какая|какое|какие|сколько|(?:\p{L}+\s+){0,2}(?:сможешь|можешь|сможете|можете)|\p{L}+\s+ли)(?![\p{L}])/iu,
};
const ENDED = /[.!?…]["»”)]?$/u;

/**
 * A sentence as the report shows it: leading filler dropped, the first letter capitalised, and,
 * for speech written without capitals or punctuation, "i", days, months and the meeting's people
 * capitalised and a full stop (or a question mark) added, so Markdown reads as sentences.
 */
export function presentSentence(text: string, language: ReportLanguage, people: People): string {
  const trimmed = text.trim().replace(LEADING_FILLER, '') || text.trim();
  const shown = trimmed
    .split(' ')
    .map((word) => {
      const lower = word.toLowerCase();
      if (word !== lower) return word;
      if (language === 'en' && (EN_I.test(lower) || EN_CAPITALISED.has(lower))) return capitaliseFirst(word);
      return people.known(lower) ? capitaliseFirst(word) : word;
    })
    .join(' ');
  const sentence = capitaliseFirst(shown);
  if (ENDED.test(sentence)) return sentence;
  return `${sentence.replace(/[,;:—–-]+$/u, '')}${QUESTION[language].test(trimmed) ? '?' : '.'}`;
}

function capitaliseFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
