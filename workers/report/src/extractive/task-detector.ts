import type { ReportLanguage } from '../domain/report-request.js';
import {
  DECISION_CUES,
  EN_TASK_VERBS,
  NOT_NAMES,
  RU_FIRST_PERSON_FUTURE,
  RU_IMPERATIVE,
  RU_THIRD_PERSON_FUTURE,
  TASK_MARKERS,
  phrase,
} from './cue-phrases.js';

/** A commitment found in a sentence and who made it, when the words or the speaker say. */
export interface DetectedTask {
  owner: string | null;
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
const EN_OBLIGATION = phrase('(?:we|someone|somebody)\\s+(?:need|needs|have|has|must|should)\\s+to');

const RU_SPEECH =
  /^(?:говор|сказ|счита|дума|зна|хоч|хот|мож|мог|предлага|спрашива|отвеча|работа|понима|помн|вид|люб|слуша|жив|ид[её]т|ест|хвата|кажет|нравит|име)/iu;
/** Perfective prefixes: "подготовит" promises, "говорит" only describes. */
const RU_PERFECTIVE =
  /^(?:под|подо|при|от|ото|с|со|за|на|вы|пере|про|у|до|раз|рас|об|обо|по|в|во|из|ис|вз|вс|о)\p{L}{3,}/iu;

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
 * person ("Bob will send", "Мария подготовит", "Иван, отправь") to that person. A bare obligation
 * ("we need to …") counts only with a deadline, so musings do not become tasks.
 */
export function detectTask(
  text: string,
  language: ReportLanguage,
  speaker: string | null,
  deadline: boolean,
): DetectedTask | null {
  return language === 'ru' ? detectRussian(text, speaker, deadline) : detectEnglish(text, speaker, deadline);
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
