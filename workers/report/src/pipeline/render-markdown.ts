import type { ReportResult } from '@mymeet/contracts';
import type { ReportLanguage, ReportRequest, Segment } from '../domain/report-request.js';
import { isoDate } from '../domain/due-date.js';
import { clock } from './transcript-chunks.js';

type Content = Omit<ReportResult, 'markdown'>;

const WORDS = {
  en: {
    SUMMARY: 'Meeting summary',
    PROTOCOL: 'Meeting minutes',
    ACTION_ITEMS: 'Action items',
    summary: 'Summary',
    keyPoints: 'Key points',
    decisions: 'Decisions',
    actionItems: 'Action items',
    tasks: 'Tasks',
    topics: 'Topics',
    attendees: 'Attendees',
    agenda: 'Agenda',
    discussion: 'Discussion',
    date: 'Date',
    task: 'Task',
    owner: 'Owner',
    due: 'Due',
    source: 'Source',
    none: 'None recorded.',
    instructions: 'Prepared with the instructions',
  },
  ru: {
    SUMMARY: 'Итоги встречи',
    PROTOCOL: 'Протокол встречи',
    ACTION_ITEMS: 'Задачи',
    summary: 'Кратко',
    keyPoints: 'Главное',
    decisions: 'Решения',
    actionItems: 'Задачи',
    tasks: 'Поручения',
    topics: 'Темы',
    attendees: 'Участники',
    agenda: 'Повестка',
    discussion: 'Обсуждение',
    date: 'Дата',
    task: 'Задача',
    owner: 'Ответственный',
    due: 'Срок',
    source: 'Где',
    none: 'Нет.',
    instructions: 'Составлено с учётом указаний',
  },
} as const;

/**
 * Renders the report as Markdown for the template. Every item ends with its citations as
 * `(03:15 #12)`: the time and segment index a reader jumps to.
 */
export function renderMarkdown(
  content: Content,
  request: ReportRequest,
  language: ReportLanguage,
  segments: readonly Segment[],
): string {
  const w = WORDS[language];
  const starts = new Map(segments.map((segment) => [segment.index, segment.startMs]));
  const cite = (indexes: readonly number[]) => {
    const shown = indexes.slice(0, 3).map((index) => `${clock(starts.get(index) ?? 0)} #${index}`);
    return indexes.length > 0 ? ` _(${shown.join(', ')}${indexes.length > 3 ? ', …' : ''})_` : '';
  };
  const list = (items: ReadonlyArray<{ text: string; segments: number[] }>, numbered = false) =>
    items.length === 0
      ? [w.none]
      : items.map((item, i) => `${numbered ? `${i + 1}.` : '-'} ${escape(item.text)}${cite(item.segments)}`);
  const tasks = content.actionItems.map((item) => {
    const facts = [
      ...(item.owner ? [`**${escape(item.owner)}**`] : []),
      ...(item.dueDate ? [`${w.due.toLowerCase()} ${escape(item.dueDate)}`] : []),
    ];
    const who = facts.length > 0 ? ` — ${facts.join(', ')}` : '';
    return `- [ ] ${escape(item.text)}${who}${cite(item.segments)}`;
  });
  const lines: string[] = [`# ${w[request.template]}`, ''];
  if (request.instructions) lines.push(`> ${w.instructions}: ${escape(request.instructions)}`, '');

  switch (request.template) {
    case 'PROTOCOL':
      lines.push(`**${w.date}:** ${isoDate(request.referenceDate)}`, '');
      lines.push(`**${w.attendees}:** ${content.attendees.map(escape).join(', ') || '—'}`, '');
      lines.push(`## ${w.agenda}`, '', ...numbered(content.agenda, w.none), '');
      lines.push(
        `## ${w.discussion}`,
        '',
        `${escape(content.summary.text)}${cite(content.summary.segments)}`,
        '',
      );
      lines.push(...list(content.keyPoints), '');
      lines.push(`## ${w.decisions}`, '', ...list(content.decisions, true), '');
      lines.push(`## ${w.tasks}`, '', ...taskTable(content, w, cite), '');
      break;
    case 'ACTION_ITEMS':
      lines.push(...(tasks.length ? tasks : [w.none]), '');
      lines.push(`## ${w.decisions}`, '', ...list(content.decisions), '');
      lines.push(
        `## ${w.summary}`,
        '',
        `${escape(content.summary.text)}${cite(content.summary.segments)}`,
        '',
      );
      break;
    case 'SUMMARY':
      lines.push(`${escape(content.summary.text)}${cite(content.summary.segments)}`, '');
      lines.push(`## ${w.keyPoints}`, '', ...list(content.keyPoints), '');
      lines.push(`## ${w.decisions}`, '', ...list(content.decisions), '');
      lines.push(`## ${w.actionItems}`, '', ...(tasks.length ? tasks : [w.none]), '');
      lines.push(
        `## ${w.topics}`,
        '',
        content.topics.map((topic) => escape(topic.text)).join(' · ') || w.none,
        '',
      );
      break;
  }
  return lines.join('\n').trimEnd() + '\n';
}

function taskTable(
  content: Content,
  w: (typeof WORDS)[ReportLanguage],
  cite: (i: readonly number[]) => string,
): string[] {
  if (content.actionItems.length === 0) return [w.none];
  const cell = escape;
  return [
    `| # | ${w.task} | ${w.owner} | ${w.due} | ${w.source} |`,
    '| - | - | - | - | - |',
    ...content.actionItems.map(
      (item, i) =>
        `| ${i + 1} | ${cell(item.text)} | ${cell(item.owner ?? '—')} | ${cell(item.dueDate ?? '—')} | ${cite(item.segments).trim()} |`,
    ),
  ];
}

function numbered(items: readonly string[], none: string): string[] {
  return items.length === 0 ? [none] : items.map((item, i) => `${i + 1}. ${escape(item)}`);
}

/** Transcript words are text, never markup: characters Markdown would act on are escaped. */
function escape(text: string): string {
  return text.replace(/[\\`*_[\]<>#|]/g, (char) => `\\${char}`).replace(/\s+/g, ' ');
}
