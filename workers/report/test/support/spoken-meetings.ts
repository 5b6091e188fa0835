import type { Participant, Segment } from '../../src/domain/report-request.js';

/**
 * Transcripts written the way PocketSphinx (the offline recogniser) gives them: lowercase, no
 * punctuation, segments cut where the speakers paused rather than at sentences, names and dates
 * spelt out, a few words misheard. The reference day is Monday 9 March 2026 (MEETING_DAY).
 */
type Line = [speaker: string | null, text: string, startMs: number, endMs: number];

function spoken(lines: Line[]): Segment[] {
  return lines.map(([speaker, text, startMs, endMs], index) => ({ index, startMs, endMs, speaker, text }));
}

/**
 * The recording of the field report: "Good morning everyone. We decided to ship the new billing
 * page on Friday. Alice will write the release notes by Thursday. Thanks. Bob will update the
 * pricing table tomorrow. Let us meet again next Monday to review the launch." as PocketSphinx
 * transcribed it (with "shape", "ride" and "that there is a" misheard).
 */
export const FIELD_RECORDING = spoken([
  [
    null,
    'good morning everyone we decided to shape the new billing page on friday alice will ride the release notes that there is a',
    210,
    7030,
  ],
  [
    null,
    'thanks bob will update the pricing table tomorrow let us meet again next monday to review the launch',
    8400,
    14480,
  ],
]);

export const FIELD_PARTICIPANTS: Participant[] = [
  { email: 'alice@example.com', name: null },
  { email: 'bob@example.com', name: null },
];

/** A planning meeting: four tasks (one of them a follow-up meeting), two decisions, a question. */
export const SPOKEN_PLANNING = spoken([
  [null, 'good morning everyone thanks for joining the planning meeting for the spring release', 400, 5200],
  [
    null,
    'the beta feedback was mostly positive but several customers reported slow exports on large projects',
    6300,
    12100,
  ],
  [null, 'what about the release date can we still make the end of march', 13400, 17000],
  [
    null,
    'the end of march is tight so we decided to move the release to april and fix the exports first',
    18200,
    24300,
  ],
  [null, 'for the marketing budget i propose the webinar series rather than paid ads', 25500, 29800],
  [null, 'okay we agreed that the marketing budget goes to the webinar series', 31000, 35100],
  [
    null,
    'now the action items bob will send the updated release plan to the customers by friday',
    36300,
    41800,
  ],
  // A pause in the middle of a sentence: its deadline lands in the next segment.
  [null, 'carol can you prepare the webinar schedule', 43000, 45600],
  [null, 'by wednesday thanks', 46300, 47900],
  ['Dave', 'sure i will review the export profiling results tomorrow', 49100, 52600],
  [null, 'great thanks everyone let us meet again next monday', 53800, 56900],
]);

export const SPOKEN_PLANNING_PARTICIPANTS: Participant[] = [
  { email: 'bob@example.com', name: null },
  { email: 'carol.jones@example.com', name: null },
  { email: 'dave@example.com', name: null },
];

export const SPOKEN_PLANNING_EXPECTED = {
  decisions: [
    { text: 'We decided to move the release to April and fix the exports first.', segments: [3] },
    { text: 'We agreed that the marketing budget goes to the webinar series.', segments: [5] },
  ],
  actionItems: [
    {
      text: 'Bob will send the updated release plan to the customers by Friday.',
      owner: 'Bob',
      dueDate: '2026-03-13',
      segments: [6],
    },
    {
      text: 'Carol can you prepare the webinar schedule by Wednesday?',
      owner: 'Carol Jones',
      dueDate: '2026-03-11',
      segments: [7, 8],
    },
    {
      text: 'I will review the export profiling results tomorrow.',
      owner: 'Dave',
      dueDate: '2026-03-10',
      segments: [9],
    },
    {
      text: 'Let us meet again next Monday.',
      owner: null,
      dueDate: '2026-03-16',
      segments: [10],
    },
  ],
};

/** The same meeting in Russian, as a recogniser without punctuation would give it. */
export const SPOKEN_RUSSIAN = spoken([
  [null, 'доброе утро коллеги начинаем планёрку по весеннему релизу', 300, 4800],
  [null, 'отзывы о бета версии хорошие но клиенты жалуются на медленный экспорт', 6000, 11000],
  [null, 'конец марта не успеваем поэтому мы решили перенести релиз на апрель', 12200, 16900],
  [null, 'по бюджету на маркетинг договорились что всё уходит на вебинары', 18100, 22400],
  [
    null,
    'теперь задачи борис отправит клиентам обновлённый план до пятницы вера подготовит расписание вебинаров',
    23600,
    30100,
  ],
  [null, 'к среде спасибо', 30800, 32000],
  ['Дмитрий', 'хорошо я проверю результаты профилирования завтра', 33200, 36500],
  [null, 'давайте встретимся в следующий понедельник', 37700, 40100],
]);

/** E-mail addresses are Latin; the names are said in Cyrillic. */
export const SPOKEN_RUSSIAN_PARTICIPANTS: Participant[] = [
  { email: 'boris@example.com', name: null },
  { email: 'vera.petrova@example.com', name: null },
];

export const SPOKEN_RUSSIAN_EXPECTED = {
  decisions: [
    { text: 'Мы решили перенести релиз на апрель.', segments: [2] },
    { text: 'По бюджету на маркетинг договорились что всё уходит на вебинары.', segments: [3] },
  ],
  actionItems: [
    {
      text: 'Борис отправит клиентам обновлённый план до пятницы.',
      owner: 'Борис',
      dueDate: '2026-03-13',
      segments: [4],
    },
    {
      text: 'Вера подготовит расписание вебинаров к среде.',
      owner: 'Вера',
      dueDate: '2026-03-11',
      segments: [4, 5],
    },
    {
      text: 'Я проверю результаты профилирования завтра.',
      owner: 'Дмитрий',
      dueDate: '2026-03-10',
      segments: [6],
    },
    {
      text: 'Давайте встретимся в следующий понедельник.',
      owner: null,
      dueDate: '2026-03-16',
      segments: [7],
    },
  ],
};
