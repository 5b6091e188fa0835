import type { Segment } from '../../src/domain/report-request.js';

/** Monday 9 March 2026: "by Friday" is the 13th, "by Wednesday" the 11th. */
export const MEETING_DAY = new Date('2026-03-09T10:00:00Z');

function meeting(lines: Array<[string, string]>): Segment[] {
  return lines.map(([speaker, text], index) => ({
    index,
    startMs: index * 20_000,
    endMs: index * 20_000 + 18_000,
    speaker,
    text,
  }));
}

/** A planning meeting with three explicit action items (owner + date) and two decisions. */
export const ENGLISH_PLANNING = meeting([
  ['Alice', 'Good morning everyone, thanks for joining the planning meeting for the spring release.'],
  ['Alice', 'Today we need to settle the release date, the marketing budget and the beta feedback.'],
  [
    'Bob',
    'The beta feedback has been mostly positive, although several customers reported slow exports on large projects.',
  ],
  [
    'Carol',
    'Export performance is the biggest complaint in the support queue as well, so I think we should fix it before the release.',
  ],
  ['Alice', 'Agreed. What about the release date, can we still make the end of March?'],
  [
    'Bob',
    'If we fix exports first, the end of March is tight, but the second week of April looks realistic.',
  ],
  ['Alice', 'Then we decided to move the release to April 14 and fix the export performance first.'],
  [
    'Carol',
    'For the marketing budget, I propose we spend most of it on the webinar series rather than paid ads.',
  ],
  ['Bob', 'The webinars worked well last quarter, the paid ads did not bring many trials.'],
  ['Alice', 'Okay, we agreed that the marketing budget goes to the webinar series.'],
  ['Alice', 'Now the action items.'],
  ['Alice', 'Bob will send the updated release plan to the customers by Friday.'],
  ['Carol', "I'll prepare the webinar schedule by March 20."],
  ['Alice', 'Dave, can you review the export profiling results by Wednesday?'],
  ['Dave', 'Sure, I can do that.'],
  ['Alice', 'Great, thanks everyone, see you next week.'],
]);

export const ENGLISH_EXPECTED = {
  decisions: [6, 9],
  actionItems: [
    { segment: 11, owner: 'Bob', dueDate: '2026-03-13' },
    { segment: 12, owner: 'Carol', dueDate: '2026-03-20' },
    { segment: 13, owner: 'Dave', dueDate: '2026-03-11' },
  ],
};

/** The same meeting held in Russian. */
export const RUSSIAN_PLANNING = meeting([
  ['Анна', 'Доброе утро, коллеги, начинаем планёрку по весеннему релизу.'],
  ['Анна', 'Сегодня нужно обсудить дату релиза, бюджет на маркетинг и отзывы о бета-версии.'],
  [
    'Борис',
    'Отзывы о бета-версии в целом хорошие, но несколько клиентов жалуются на медленный экспорт больших проектов.',
  ],
  ['Вера', 'Медленный экспорт — главная жалоба и в поддержке, поэтому экспорт стоит исправить до релиза.'],
  ['Анна', 'Согласна. Успеваем ли мы к концу марта?'],
  ['Борис', 'Если сначала исправить экспорт, конец марта не успеваем, реально вторая неделя апреля.'],
  ['Анна', 'Тогда решили: переносим релиз на 14 апреля и сначала исправляем экспорт.'],
  ['Вера', 'По бюджету на маркетинг предлагаю потратить основную часть на серию вебинаров, а не на рекламу.'],
  ['Борис', 'Вебинары хорошо сработали в прошлом квартале, а реклама почти не принесла пробных подписок.'],
  ['Анна', 'Договорились, что бюджет на маркетинг уходит на серию вебинаров.'],
  ['Анна', 'Теперь задачи.'],
  ['Анна', 'Борис отправит клиентам обновлённый план релиза до пятницы.'],
  ['Вера', 'Я подготовлю расписание вебинаров к 20 марта.'],
  ['Анна', 'Дмитрий, проверь, пожалуйста, результаты профилирования экспорта к среде.'],
  ['Дмитрий', 'Хорошо, сделаю.'],
  ['Анна', 'Спасибо всем, до встречи на следующей неделе.'],
]);

export const RUSSIAN_EXPECTED = {
  decisions: [6, 9],
  actionItems: [
    { segment: 11, owner: 'Борис', dueDate: '2026-03-13' },
    { segment: 12, owner: 'Вера', dueDate: '2026-03-20' },
    { segment: 13, owner: 'Дмитрий', dueDate: '2026-03-11' },
  ],
};
