import type { DueDate } from '../domain/due-date.js';
import type { ReportLanguage } from '../domain/report-request.js';
import {
  DECISION_CUES,
  EN_TASK_VERBS,
  NOT_NAMES,
  RU_FIRST_PERSON_FUTURE,
  RU_FUTURE_WORD,
  RU_IMPERATIVE,
  RU_PERFECTIVE,
  RU_SPEECH,
  RU_THIRD_PERSON_FUTURE,
  TASK_MARKERS,
  phrase,
} from './cue-phrases.js';
import type { People } from './people.js';
import { commitmentAt, promisesWork } from './spoken-commitment.js';
import { words } from './tokens.js';

/** A commitment found in a sentence and who made it, when the words or the speaker say. */
export interface DetectedTask {
  owner: string | null;
}

/** What besides its words tells whether a sentence is a task and whose. */
export interface TaskClues {
  speaker: string | null;
  /** The date the sentence states, if any. */
  due: DueDate | null;
  people: People;
}

const EN_NAME = "[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)?(?:\\s+[A-Z][a-z]+)?";
const RU_NAME = '\\p{Lu}\\p{Ll}+(?:-\\p{Lu}\\p{Ll}+)?';
const TASK_VERB = `(?:${EN_TASK_VERBS})`;

const EN_NAMED = [
  // "Bob will send …", "Alice is going to prepare …", "Carol to review …" (minute style)
  new RegExp(
    `(?<![\\w'])(${EN_NAME})(?:\\s+will|'ll|\\s+is\\s+going\\s+to|\\s+is\\s+gonna|\\s+to|\\s+needs\\s+to|\\s+has\\s+to|` +
      `\\s+agreed\\s+to|\\s+promised\\s+to|\\s+offered\\s+to|\\s+volunteered\\s+to|\\s+can)\\s+(?:also\\s+|then\\s+|please\\s+)?` +
      `${TASK_VERB}(?![\\w])`,
    'u',
  ),
  // "Bob, can you send …", "Bob, please review …"
  new RegExp(
    `(?<![\\w'])(${EN_NAME}),\\s+(?:can|could|would|will)\\s+you\\b|(?<![\\w'])(${EN_NAME}),\\s+please\\b`,
    'u',
  ),
  // "assigned to Bob", "action item for Bob", "owner: Bob"
  new RegExp(`(?:assigned\\s+to|action\\s+items?\\s+for|task\\s+for|owner\\s*:)\\s+(${EN_NAME})`, 'iu'),
  // "Bob is responsible for …", "Bob takes …"
  new RegExp(
    `(?<![\\w'])(${EN_NAME})\\s+(?:is\\s+responsible\\s+for|takes\\s+(?:care\\s+of|the|this|that))`,
    'u',
  ),
];
const EN_SELF = new RegExp(
  `(?<![\\w'])(?:I\\s+will|I'll|I\\s+am\\s+going\\s+to|I'm\\s+going\\s+to|I\\s+can|let\\s+me)\\s+(?:also\\s+|then\\s+)?${TASK_VERB}(?![\\w])`,
  'iu',
);
const EN_SPOKEN_SELF = /(?:^| )(?:i will|i'll|i am going to|i'm going to|i can|let me)(?: also| then)? /u;
const EN_REQUEST = /^(?:can|could|would|will) you(?: please)? /u;
const MEET_AGAIN =
  'meet|reconvene|regroup|catch up|sync|follow up|check in|talk again|get together|встретимся|созвонимся|' +
  'соберёмся|соберемся|вернёмся|вернемся|увидимся|сверимся|спишемся';
/** "let us meet again next monday": the follow-up meeting, a date enough. */
const FOLLOW_UP = new RegExp(`(?:^| )(?:let's|let us|давай|давайте) (?:${MEET_AGAIN})(?![\\p{L}])`, 'u');
/** "let's send it by friday", "давайте подготовим до пятницы": a task once it has a deadline. */
const SHARED_TASK = new RegExp(
  `(?:^| )(?:let's|let us) ${TASK_VERB}(?![\\p{L}])|(?:^| )давай(?:те)? \\p{L}+(?:ем|ём|им)(?![\\p{L}])`,
  'u',
);
const EN_FUTURE_WORK = new RegExp(
  `(?:^| )(?:will|is going to|are going to)(?: also| then)? ${TASK_VERB}(?![\\p{L}])`,
  'u',
);
const EN_OBLIGATION = phrase('(?:we|someone|somebody)\\s+(?:need|needs|have|has|must|should)\\s+to');

const RU_NAMED_FUTURE = new RegExp(
  `(?<![\\p{L}])(${RU_NAME})\\s+(?:(?:тогда|также|сам|сама|уже|ещё|еще|обязательно)\\s+)?(${RU_THIRD_PERSON_FUTURE})(?![\\p{L}])`,
  'u',
);
const RU_SELF = new RegExp(
  `(?<![\\p{L}])[Яя]\\s+(?:(?:тогда|также|сам|сама|уже|обязательно)\\s+)?(${RU_FIRST_PERSON_FUTURE})(?![\\p{L}])`,
  'u',
);
const RU_ADDRESSED = new RegExp(
  `(?<![\\p{L}])(${RU_NAME}),\\s+(?:(?:ты\\s+)?(?:сможешь|можешь|возьм[её]шь)|(${RU_IMPERATIVE}))(?![\\p{L}])`,
  'u',
);
const RU_RESPONSIBLE = [
  new RegExp(`ответственн(?:ый|ая|ые)\\s*(?:[:—–-]|за\\s+[^:—–-]+[:—–-])?\\s*(${RU_NAME})`, 'u'),
  new RegExp(`(?<![\\p{L}])(${RU_NAME})\\s+(?:берёт|берет|возьм[её]т)\\s+на\\s+себя`, 'u'),
];
const RU_OBLIGATION = phrase('(?:нужно|надо|необходимо|требуется|должны|должен|должна)');

export function isDecision(text: string, language: ReportLanguage): boolean {
  return DECISION_CUES[language].some((cue) => cue.test(text));
}

/**
 * Whether a sentence assigns or takes on work, and whose. "I'll …" belongs to the speaker; a named
 * person ("Bob will send", "Мария подготовит", "Иван, отправь") to that person, matched against the
 * meeting's people when the words have no capitals ("bob will send", "борис отправит"). A bare
 * obligation ("we need to …") counts only with a deadline, so musings do not become tasks; "let us
 * meet again on Monday" is the follow-up meeting everyone takes.
 */
export function detectTask(text: string, language: ReportLanguage, clues: TaskClues): DetectedTask | null {
  const deadline = clues.due?.deadline === true;
  const written =
    language === 'ru'
      ? detectRussian(text, clues.speaker, deadline)
      : detectEnglish(text, clues.speaker, deadline);
  const task = written ?? detectSpoken(text, language, clues);
  if (!task?.owner || task.owner === clues.speaker) return task;
  return { owner: clues.people.known(task.owner.split(/\s+/)[0]!) ?? clues.people.display(task.owner) };
}

function detectEnglish(text: string, speaker: string | null, deadline: boolean): DetectedTask | null {
  for (const pattern of EN_NAMED) {
    const match = pattern.exec(text);
    const name = cleanName(match?.[1] ?? match?.[2]);
    if (name) return { owner: name };
  }
  if (EN_SELF.test(text)) return { owner: speaker };
  if (TASK_MARKERS.en.some((marker) => marker.test(text))) return { owner: null };
  if (deadline && EN_OBLIGATION.test(text)) return { owner: null };
  return null;
}

function detectRussian(text: string, speaker: string | null, deadline: boolean): DetectedTask | null {
  for (const pattern of RU_RESPONSIBLE) {
    const name = cleanName(pattern.exec(text)?.[1]);
    if (name) return { owner: name };
  }
  const addressed = RU_ADDRESSED.exec(text);
  const addressee = cleanName(addressed?.[1]);
  if (addressee && (!addressed![2] || !RU_SPEECH.test(addressed![2]))) return { owner: addressee };
  const named = RU_NAMED_FUTURE.exec(text);
  const name = cleanName(named?.[1]);
  if (name && commits(named![2]!, deadline)) return { owner: name };
  const self = RU_SELF.exec(text);
  if (self && commits(self[1]!, deadline)) return { owner: speaker };
  if (TASK_MARKERS.ru.some((marker) => marker.test(text))) return { owner: null };
  if (deadline && RU_OBLIGATION.test(text)) return { owner: null };
  return null;
}

/** Tasks in words without capitals or punctuation, as PocketSphinx writes them. */
function detectSpoken(text: string, language: ReportLanguage, clues: TaskClues): DetectedTask | null {
  const lower = words(text).map((word) => word.toLowerCase().replace(/’/g, "'"));
  for (let at = 0; at < lower.length; at++) {
    const commitment = commitmentAt(lower, at, language, clues.people);
    if (commitment) return { owner: clues.people.display(commitment.name) };
  }
  const joined = lower.join(' ');
  if (language === 'en') {
    const self = EN_SPOKEN_SELF.exec(joined);
    if (self && promisesWork(lower, wordsBefore(joined, self.index + self[0].length)))
      return { owner: clues.speaker };
    const request = EN_REQUEST.exec(joined);
    if (request && promisesWork(lower, wordsBefore(joined, request[0].length))) return { owner: null };
  }
  if (clues.due?.iso && FOLLOW_UP.test(joined)) return { owner: null };
  if (clues.due?.deadline && (SHARED_TASK.test(joined) || promisedWithoutName(lower, language)))
    return { owner: null };
  return null;
}

/** "the team will review it by thursday", "команда подготовит отчёт к пятнице": work promised by no one named. */
function promisedWithoutName(lower: readonly string[], language: ReportLanguage): boolean {
  if (language === 'en') return EN_FUTURE_WORK.test(lower.join(' '));
  return lower.some((word) => RU_FUTURE_WORD.test(word) && RU_PERFECTIVE.test(word) && !RU_SPEECH.test(word));
}

/** How many words the text has before a character offset that starts a word. */
function wordsBefore(text: string, offset: number): number {
  const head = text.slice(0, offset).trim();
  return head ? head.split(' ').length : 0;
}

function commits(verb: string, deadline: boolean): boolean {
  if (RU_SPEECH.test(verb)) return false;
  return deadline || RU_PERFECTIVE.test(verb);
}

/** The name without leading words that only look like names ("Friday Bob" → "Bob"), or null. */
function cleanName(candidate: string | undefined): string | null {
  const parts = candidate?.split(/\s+/) ?? [];
  while (parts.length > 0 && NOT_NAMES.has(parts[0]!)) parts.shift();
  return parts.length > 0 ? parts.join(' ') : null;
}
