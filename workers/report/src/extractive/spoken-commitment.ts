import type { ReportLanguage } from '../domain/report-request.js';
import {
  EN_TASK_VERBS,
  NOT_NAMES,
  RU_FUTURE_WORD,
  RU_IMPERATIVE,
  RU_PERFECTIVE,
  RU_SPEECH,
} from './cue-phrases.js';
import { capitalise, type People } from './people.js';
import { isStopword } from './stopwords.js';

/** Someone named who takes on work, found in the words of a clause: who, and where the commitment ends. */
export interface Commitment {
  /** The name as said ("carol", "carol jones"). */
  name: string;
  /** Index of the first word after the commitment's verb phrase. */
  end: number;
}

const TASK_VERB_START = new RegExp(`^(?:${EN_TASK_VERBS})(?![\\p{L}])`, 'u');
/** Verbs that follow "X will" without promising work ("Bob will be late", "Anna will like it"). */
const NOT_WORK = new Set(
  'be have like love know think see feel want hate agree remember forget understand come go join attend get probably definitely not never always also really still just'.split(
    ' ',
  ),
);
const EN_BOUND = "(?![\\p{L}'])";
/** "Alice will", "Alice is going to", "Alice to" (minutes style), "Alice can you", "Alice please". */
const EN_PROMISE = new RegExp(
  `^(?:will|is going to|is gonna|needs to|has to|to|can|could|should|must|agreed to|promised to|offered to|volunteered to|please)${EN_BOUND}(?:\\s+(?:also|then|please)${EN_BOUND})?\\s*`,
  'u',
);
/** Without a known name the word before "will" must promise a task verb to count as someone. */
const EN_FIRM_PROMISE = /^(?:will|is going to|needs to|has to)(?:\s+(?:also|then))?\s+/u;
const EN_ADDRESS = new RegExp(`^(?:can|could|would|will)\\s+you${EN_BOUND}`, 'u');
/** Words that make the next one part of a noun phrase ("the pricing table will…"), not a person. */
const DETERMINERS = new Set(
  'the a an this that these those our your their my his her its every each some any no several many few all both other new old'.split(
    ' ',
  ),
);
/** "about budget can you…": a name seldom follows a preposition straight after. */
const PREPOSITIONS = new Set('about for of on in with to from at by into regarding'.split(' '));

const RU_ADVERB = /^(?:тогда|также|сам|сама|уже|ещё|еще|обязательно|пожалуйста)$/u;
const RU_ORDER = new RegExp(`^${RU_IMPERATIVE.replace('(?:пожалуйста,?\\s+)?', '')}$`, 'u');
const RU_CAN = /^(?:сможешь|можешь|возьм[её]шь|сможете|можете)$/u;
/**
 * Whether the lower-case words at `at` name someone who takes on work: "bob will update…",
 * "carol can you prepare…", "борис отправит…", "дмитрий проверь…". A name the meeting knows (or
 * a common first name) may promise any verb; an unknown word only a task verb after "will" (or be
 * asked "can you"), and not inside a noun phrase, so "the pricing table will update" names no one.
 */
export function commitmentAt(
  words: readonly string[],
  at: number,
  language: ReportLanguage,
  people: People,
): Commitment | null {
  const first = words[at];
  if (!first || first.length < 2) return null;
  const span = people.continues(first, words[at + 1] ?? '') ? 2 : 1;
  const name = words.slice(at, at + span).join(' ');
  const known = people.isName(first);
  const after = at + span;
  if (language === 'ru') return known ? russianPromise(words, after, name) : null;
  const rest = words.slice(after, after + 6).join(' ');
  if (EN_ADDRESS.test(rest)) return known || looksLikeSomeone(words, at) ? { name, end: after + 2 } : null;
  if (known) {
    const promise = EN_PROMISE.exec(rest);
    if (!promise) return null;
    const verbAt = after + wordCount(promise[0]);
    return promisesWork(words, verbAt) ? { name, end: verbAt + 1 } : null;
  }
  if (!looksLikeSomeone(words, at)) return null;
  const promise = EN_FIRM_PROMISE.exec(rest);
  if (!promise || !TASK_VERB_START.test(rest.slice(promise[0].length))) return null;
  return { name, end: after + wordCount(promise[0]) + 1 };
}

/** After "I will" or a name's "will": a task verb, or any verb with an object ("will ride the notes"). */
export function promisesWork(words: readonly string[], at: number): boolean {
  const verb = words[at];
  if (!verb) return false;
  if (TASK_VERB_START.test(words.slice(at, at + 3).join(' '))) return true;
  return !isStopword(verb, 'en') && !NOT_WORK.has(verb) && words.length > at + 1;
}

function russianPromise(words: readonly string[], from: number, name: string): Commitment | null {
  let at = from;
  if (RU_ADVERB.test(words[at] ?? '')) at++;
  if (words[at] === 'ты' && RU_CAN.test(words[at + 1] ?? '')) at++;
  const verb = words[at] ?? '';
  if (RU_CAN.test(verb)) return { name, end: at + 1 };
  if (RU_SPEECH.test(verb)) return null;
  if (RU_FUTURE_WORD.test(verb) && RU_PERFECTIVE.test(verb)) return { name, end: at + 1 };
  if (RU_ORDER.test(verb) && RU_PERFECTIVE.test(verb)) return { name, end: at + 1 };
  return null;
}

/** A word that could be a person nobody listed: not a function word, a plural or a noun phrase's end. */
function looksLikeSomeone(words: readonly string[], at: number): boolean {
  const word = words[at]!;
  if (word.length < 3 || isStopword(word, 'en') || NOT_NAMES.has(capitalise(word))) return false;
  if (/(?:s|ing|tion|ment|ness|ity|ers)$/u.test(word)) return false;
  const before = words[at - 1] ?? '';
  return !DETERMINERS.has(before) && !PREPOSITIONS.has(before) && !DETERMINERS.has(words[at - 2] ?? '');
}

function wordCount(text: string): number {
  return text.trim().split(/\s+/).filter(Boolean).length;
}
