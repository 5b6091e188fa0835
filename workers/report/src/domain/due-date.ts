import type { ReportLanguage } from './report-request.js';

/** A due date found in a sentence: the words as said and, when they name a day, that day in ISO form. */
export interface DueDate {
  text: string;
  iso: string | null;
  /** Said as a deadline ("by Friday", "до 15 марта", a calendar date), not as when something happens ("today we…"). */
  deadline: boolean;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const L = '\\p{L}\\p{N}';
/** JavaScript's `\b` knows ASCII only; these boundaries work for Cyrillic too. */
const bounded = (pattern: string) => new RegExp(`(?<![${L}])(?:${pattern})(?![${L}])`, 'iu');

const EN_WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const EN_MONTHS = [
  'jan(?:uary)?',
  'feb(?:ruary)?',
  'mar(?:ch)?',
  'apr(?:il)?',
  'may',
  'june?',
  'july?',
  'aug(?:ust)?',
  'sep(?:t(?:ember)?)?',
  'oct(?:ober)?',
  'nov(?:ember)?',
  'dec(?:ember)?',
];
const RU_WEEKDAYS = [
  'воскресень[еяю]',
  'понедельник[ау]?',
  'вторник[ау]?',
  'сред[аыуе]',
  'четверг[ау]?',
  'пятниц[аыуе]',
  'суббот[аыуе]',
];
const RU_MONTHS = [
  'январ[яеь]',
  'феврал[яеь]',
  'март[ае]?',
  'апрел[яеь]',
  'ма[яей]',
  'июн[яеь]',
  'июл[яеь]',
  'август[ае]?',
  'сентябр[яеь]',
  'октябр[яеь]',
  'ноябр[яеь]',
  'декабр[яеь]',
];

const EN_LEAD = '(?:(?:by|on|before|until|till|due|no later than|this|next|coming)\\s+)*';
const RU_LEAD = '(?:(?:до|к|ко|в|во|на|не позднее|не позже|следующ(?:ий|ую|ей|его)|эт(?:от|у))\\s+)*';

type Rule = {
  pattern: RegExp;
  resolve: (match: RegExpExecArray, reference: Date) => Date | null;
  /** A calendar date: wins over a weekday or "tomorrow" in the same sentence ("by Wednesday, March 18"). */
  calendar?: boolean;
};

const DEADLINE_WORDS =
  /^(?:by|before|until|till|due|no later than|within|in|до|к|ко|не позднее|не позже|через)\s/iu;

const alt = (list: string[]) => list.map((item) => `(${item})`).join('|');
const whichGroup = (match: RegExpExecArray, offset: number, count: number) => {
  for (let i = 0; i < count; i++) if (match[offset + i] !== undefined) return i;
  return -1;
};

function rules(language: ReportLanguage): Rule[] {
  const shared: Rule[] = [
    {
      pattern: bounded('(\\d{4})-(\\d{2})-(\\d{2})'),
      resolve: (m) => ymd(+m[1]!, +m[2]!, +m[3]!),
      calendar: true,
    },
  ];
  if (language === 'ru') {
    return [
      ...shared,
      {
        pattern: bounded('(?:до|к|ко|не позднее)?\\s*(\\d{1,2})\\.(\\d{1,2})(?:\\.(\\d{2,4}))?'),
        resolve: (m, ref) => dayMonth(+m[1]!, +m[2]!, m[3], ref),
        calendar: true,
      },
      {
        pattern: bounded(
          `${RU_LEAD}(\\d{1,2})(?:-?го)?\\s+(?:${alt(RU_MONTHS)})(?:\\s+(\\d{4})(?:\\s*г(?:ода)?\\.?)?)?`,
        ),
        resolve: (m, ref) => dayMonth(+m[1]!, whichGroup(m, 2, 12) + 1, m[14], ref),
        calendar: true,
      },
      { pattern: bounded(`${RU_LEAD}послезавтра`), resolve: (_m, ref) => addDays(ref, 2) },
      { pattern: bounded(`${RU_LEAD}завтра(?:шнего дня)?`), resolve: (_m, ref) => addDays(ref, 1) },
      { pattern: bounded(`${RU_LEAD}сегодня`), resolve: (_m, ref) => ref },
      {
        pattern: bounded('(?:до|к|ко)\\s+конц[ау]\\s+(?:этой\\s+|текущей\\s+)?недели'),
        resolve: (_m, ref) => endOfWeek(ref),
      },
      {
        pattern: bounded('(?:до|к|ко)\\s+конц[ау]\\s+(?:этого\\s+|текущего\\s+)?месяца'),
        resolve: (_m, ref) => endOfMonth(ref),
      },
      {
        pattern: bounded('через\\s+(\\d+|одну|один|две|два|три)\\s+(дн(?:я|ей)|день|недел[юиь]|нед\\.)'),
        resolve: (m, ref) => after(ref, ruNumber(m[1]!), /недел|нед/i.test(m[2]!) ? 7 : 1),
      },
      {
        pattern: bounded(`(${RU_LEAD})(?:${alt(RU_WEEKDAYS)})`),
        resolve: (m, ref) => weekday(ref, whichGroup(m, 2, 7), /следующ/i.test(m[1] ?? '')),
      },
      {
        pattern: bounded('(?:на|к|до)\\s+следующ(?:ей|ую|ему)\\s+недел[еию]'),
        resolve: (_m, ref) => weekday(ref, 1, false),
      },
    ];
  }
  return [
    ...shared,
    {
      pattern: bounded(
        `(${EN_LEAD})(?:${alt(EN_MONTHS)})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?`,
      ),
      resolve: (m, ref) => dayMonth(+m[14]!, whichGroup(m, 2, 12) + 1, m[15], ref),
      calendar: true,
    },
    {
      pattern: bounded(
        `${EN_LEAD}(?:the\\s+)?(\\d{1,2})(?:st|nd|rd|th)?(?:\\s+of)?\\s+(?:${alt(EN_MONTHS)})(?:,?\\s+(\\d{4}))?`,
      ),
      resolve: (m, ref) => dayMonth(+m[1]!, whichGroup(m, 2, 12) + 1, m[14], ref),
      calendar: true,
    },
    {
      pattern: bounded(`${EN_LEAD}(?:the\\s+)?day after tomorrow`),
      resolve: (_m, ref) => addDays(ref, 2),
    },
    { pattern: bounded(`${EN_LEAD}tomorrow`), resolve: (_m, ref) => addDays(ref, 1) },
    {
      pattern: bounded(`${EN_LEAD}(?:today|tonight|(?:the\\s+)?end of (?:the\\s+)?day|eod)`),
      resolve: (_m, ref) => ref,
    },
    {
      pattern: bounded(`${EN_LEAD}(?:the\\s+)?end of (?:the|this)\\s+week`),
      resolve: (_m, ref) => endOfWeek(ref),
    },
    {
      pattern: bounded(`${EN_LEAD}(?:the\\s+)?end of (?:the|this)\\s+month`),
      resolve: (_m, ref) => endOfMonth(ref),
    },
    {
      pattern: bounded('(?:with)?in\\s+(\\d+|one|two|three|a)\\s+(days?|weeks?)'),
      resolve: (m, ref) => after(ref, enNumber(m[1]!), /week/i.test(m[2]!) ? 7 : 1),
    },
    {
      pattern: bounded(`(${EN_LEAD})(?:${alt(EN_WEEKDAYS)})`),
      resolve: (m, ref) => weekday(ref, whichGroup(m, 2, 7), /next/i.test(m[1] ?? '')),
    },
    { pattern: bounded('(?:by|before)\\s+next\\s+week'), resolve: (_m, ref) => weekday(ref, 1, false) },
  ];
}

/** Deadlines that name no day; kept as said. */
const VAGUE: Record<ReportLanguage, RegExp> = {
  en: bounded(
    'asap|as soon as possible|next (?:sprint|release|meeting|quarter)|end of (?:the )?(?:quarter|sprint|year)',
  ),
  ru: bounded(
    'как можно скорее|срочно|к следующей (?:встрече|планёрке|планерке)|до конца (?:квартала|спринта|года)|в следующем спринте',
  ),
};

/** The first due date a sentence states, resolved against the meeting's day. */
export function findDueDate(sentence: string, language: ReportLanguage, reference: Date): DueDate | null {
  let best: { index: number; calendar: boolean; text: string; date: Date | null } | null = null;
  for (const rule of rules(language)) {
    const match = rule.pattern.exec(sentence);
    if (!match) continue;
    const calendar = rule.calendar === true;
    const better =
      !best || (calendar && !best.calendar) || (calendar === best.calendar && match.index < best.index);
    if (better)
      best = {
        index: match.index,
        calendar,
        text: match[0].trim(),
        date: rule.resolve(match, startOfDay(reference)),
      };
  }
  if (best) {
    const deadline =
      best.calendar || DEADLINE_WORDS.test(`${best.text} `) || precededByDeadline(sentence, best.index);
    return { text: best.text, iso: best.date ? isoDate(best.date) : null, deadline };
  }
  const vague = VAGUE[language].exec(sentence);
  return vague ? { text: vague[0], iso: null, deadline: true } : null;
}

function precededByDeadline(sentence: string, index: number): boolean {
  return /(?:by|before|until|due|до|к|ко)\s+(?:the\s+)?$/iu.test(
    sentence.slice(Math.max(0, index - 12), index),
  );
}

/**
 * A due date as a model or a person wrote it: ISO when it names a day ("2026-03-20", "by Friday",
 * "15 марта"), otherwise the words as stated.
 */
export function normaliseDueDate(stated: string, language: ReportLanguage, reference: Date): DueDate {
  const found = findDueDate(stated, language, reference) ?? findDueDate(stated, 'en', reference);
  return { text: stated.trim(), iso: found?.iso ?? null, deadline: true };
}

export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function startOfDay(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

function ymd(year: number, month: number, day: number): Date | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? date : null;
}

/** A day and month without a year: this year's, or next year's when that day has passed. */
function dayMonth(day: number, month: number, year: string | undefined, reference: Date): Date | null {
  if (month < 1 || month > 12) return null;
  if (year) return ymd(year.length === 2 ? 2000 + +year : +year, month, day);
  const thisYear = ymd(reference.getUTCFullYear(), month, day);
  if (thisYear && thisYear.getTime() < reference.getTime() - 7 * DAY_MS)
    return ymd(reference.getUTCFullYear() + 1, month, day);
  return thisYear;
}

function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}

function after(reference: Date, count: number, unitDays: number): Date | null {
  return Number.isFinite(count) && count > 0 && count < 400 ? addDays(reference, count * unitDays) : null;
}

/** The next such weekday after the reference day; "next Friday" said early in a week means the one after. */
function weekday(reference: Date, target: number, next: boolean): Date | null {
  if (target < 0) return null;
  const ahead = (target - reference.getUTCDay() + 7) % 7 || 7;
  const date = addDays(reference, ahead);
  const sameWeek =
    ahead < 7 && reference.getUTCDay() !== 0 && (target === 0 || target > reference.getUTCDay());
  return next && sameWeek ? addDays(date, 7) : date;
}

/** Friday of the reference week (of the next one on a weekend). */
function endOfWeek(reference: Date): Date {
  const day = reference.getUTCDay();
  return addDays(reference, day === 6 ? 6 : day === 0 ? 5 : 5 - day);
}

function endOfMonth(reference: Date): Date {
  return new Date(Date.UTC(reference.getUTCFullYear(), reference.getUTCMonth() + 1, 0));
}

const EN_NUMBERS: Record<string, number> = { a: 1, one: 1, two: 2, three: 3 };
const RU_NUMBERS: Record<string, number> = { один: 1, одну: 1, два: 2, две: 2, три: 3 };
const enNumber = (word: string) => EN_NUMBERS[word.toLowerCase()] ?? Number(word);
const ruNumber = (word: string) => RU_NUMBERS[word.toLowerCase()] ?? Number(word);
