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

/** Days spelt out, as speech recognisers write them: "march twentieth", "двадцатого марта". */
const EN_ORDINAL =
  '(?:(?:twenty|thirty)[\\s-]+)?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|' +
  'twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth)';
const RU_ORDINAL =
  '(?:(?:двадцать|тридцать)\\s+)?(?:(?:перв|втор|четв[её]рт|пят|шест|седьм|восьм|девят|десят|одиннадцат|' +
  'двенадцат|тринадцат|четырнадцат|пятнадцат|шестнадцат|семнадцат|восемнадцат|девятнадцат|двадцат|тридцат)' +
  '(?:ого|ому|ое|ый|ом|ым)|трет(?:ьего|ьему|ье|ий|ьем))';
const DAY = (ordinal: string) => `(\\d{1,2}|${ordinal})`;

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

const RULES = new Map<ReportLanguage, Rule[]>();
/** Built once per language: every sentence of a transcript is looked at. The patterns hold no state. */
function rulesOf(language: ReportLanguage): Rule[] {
  let known = RULES.get(language);
  if (!known) RULES.set(language, (known = rules(language)));
  return known;
}

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
          `${RU_LEAD}${DAY(RU_ORDINAL)}(?:-?го)?\\s+(?:${alt(RU_MONTHS)})(?:\\s+(\\d{4})(?:\\s*г(?:ода)?\\.?)?)?`,
        ),
        resolve: (m, ref) => dayMonth(dayNumber(m[1]!), whichGroup(m, 2, 12) + 1, m[14], ref),
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
        `(${EN_LEAD})(?:${alt(EN_MONTHS)})\\.?\\s+(?:the\\s+)?${DAY(EN_ORDINAL)}(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?`,
      ),
      resolve: (m, ref) => dayMonth(dayNumber(m[14]!), whichGroup(m, 2, 12) + 1, m[15], ref),
      calendar: true,
    },
    {
      pattern: bounded(
        `${EN_LEAD}(?:the\\s+)?${DAY(EN_ORDINAL)}(?:st|nd|rd|th)?(?:\\s+of)?\\s+(?:${alt(EN_MONTHS)})(?:,?\\s+(\\d{4}))?`,
      ),
      resolve: (m, ref) => dayMonth(dayNumber(m[1]!), whichGroup(m, 2, 12) + 1, m[14], ref),
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
  for (const rule of rulesOf(language)) {
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

const ORDINAL_UNITS: Array<[RegExp, number]> = [
  [/^(?:first|перв)/, 1],
  [/^(?:second|втор)/, 2],
  [/^(?:third|трет)/, 3],
  [/^(?:fourteenth|четырнадцат)/, 14],
  [/^(?:fourth|четв[её]рт)/, 4],
  [/^(?:fifteenth|пятнадцат)/, 15],
  [/^(?:fifth|пят)/, 5],
  [/^(?:sixteenth|шестнадцат)/, 16],
  [/^(?:sixth|шест)/, 6],
  [/^(?:seventeenth|семнадцат)/, 17],
  [/^(?:seventh|седьм)/, 7],
  [/^(?:eighteenth|восемнадцат)/, 18],
  [/^(?:eighth|восьм)/, 8],
  [/^(?:nineteenth|девятнадцат)/, 19],
  [/^(?:ninth|девят)/, 9],
  [/^(?:tenth|десят)/, 10],
  [/^(?:eleventh|одиннадцат)/, 11],
  [/^(?:twelfth|двенадцат)/, 12],
  [/^(?:thirteenth|тринадцат)/, 13],
  [/^(?:twentieth|двадцат)/, 20],
  [/^(?:thirtieth|тридцат)/, 30],
];

/** "14", "fourteenth", "twenty first", "двадцать третье" → the day of the month. */
function dayNumber(said: string): number {
  if (/^\d+$/.test(said)) return Number(said);
  const words = said.toLowerCase().split(/[\s-]+/);
  const tens = words.length > 1 ? (/^(?:twenty|двадцать)$/.test(words[0]!) ? 20 : 30) : 0;
  const unit = ORDINAL_UNITS.find(([pattern]) => pattern.test(words.at(-1)!))?.[1] ?? NaN;
  return tens > 0 && unit >= 10 ? NaN : tens + unit;
}

const EN_NUMBERS: Record<string, number> = { a: 1, one: 1, two: 2, three: 3 };
const RU_NUMBERS: Record<string, number> = { один: 1, одну: 1, два: 2, две: 2, три: 3 };
const enNumber = (word: string) => EN_NUMBERS[word.toLowerCase()] ?? Number(word);
const ruNumber = (word: string) => RU_NUMBERS[word.toLowerCase()] ?? Number(word);
