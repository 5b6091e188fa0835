import { REPORT_LIMITS, reportResultSchema, type ReportResult } from '@mymeet/contracts';
import { normaliseDueDate } from '../domain/due-date.js';
import type { ReportLanguage, ReportRequest, Segment } from '../domain/report-request.js';
import { renderMarkdown } from './render-markdown.js';
import type { ReportDraft } from './report-schemas.js';

const SELF = /^(?:i|me|myself|speaker|я|мне|сам|сама)$/iu;

/**
 * Turns any engine's draft into the report: citations limited to segments that exist (items citing
 * none are dropped: every item must let a reader jump to its moment), "I" resolved to the speaker,
 * due dates normalised to ISO where they name a day, sizes bounded, Markdown rendered, and the whole
 * checked against the shared schema.
 */
export function finaliseReport(
  draft: ReportDraft,
  segments: readonly Segment[],
  speakers: readonly string[],
  request: ReportRequest,
  language: ReportLanguage,
): ReportResult {
  const L = REPORT_LIMITS;
  const byIndex = new Map(segments.map((segment) => [segment.index, segment]));
  const cite = (indexes: readonly number[], max: number = L.citations) =>
    [...new Set(indexes)]
      .filter((index) => byIndex.has(index))
      .sort((a, b) => a - b)
      .slice(0, max);
  const cited = <T extends { text: string; segments: number[] }>(
    items: readonly T[],
    max: number,
    chars: number,
  ) =>
    unique(
      items
        .map((item) => ({ ...item, text: clip(item.text, chars), segments: cite(item.segments) }))
        .filter((item) => item.text && item.segments.length > 0),
    ).slice(0, max);

  const actionItems = cited(draft.actionItems, L.actionItems, L.itemChars).map((item) => {
    const owner = resolveOwner(item.owner, byIndex.get(item.segments[0]!)?.speaker ?? null);
    const due = item.due ? normaliseDueDate(item.due, language, request.referenceDate) : null;
    return {
      text: item.text,
      owner: owner ? clip(owner, L.nameChars) : null,
      dueDate: due ? clip(due.iso ?? due.text, L.dueDateChars) : null,
      dueDateText: due ? clip(due.text, L.dueDateChars) : null,
      segments: item.segments,
    };
  });
  const topics = cited(draft.topics, L.topics, L.topicChars).map(({ text, segments }) => ({
    text,
    segments,
  }));
  const summarySegments = cite(
    draft.summarySegments.length > 0
      ? draft.summarySegments
      : draft.keyPoints.flatMap((point) => point.segments),
    L.summaryCitations,
  );
  const people = [
    ...speakers,
    ...draft.attendees,
    ...actionItems.flatMap((item) => (item.owner ? [item.owner] : [])),
  ];
  const content = {
    summary: {
      text: clip(draft.summary, L.summaryChars) || clip(segments[0]?.text ?? '', L.summaryChars),
      segments: summarySegments.length > 0 ? summarySegments : cite(segments.slice(0, 1).map((s) => s.index)),
    },
    keyPoints: cited(draft.keyPoints, L.keyPoints, L.itemChars).map(({ text, segments }) => ({
      text,
      segments,
    })),
    decisions: cited(draft.decisions, L.decisions, L.itemChars).map(({ text, segments }) => ({
      text,
      segments,
    })),
    actionItems,
    topics,
    attendees: uniqueStrings(people.map((person) => clip(person, L.nameChars))).slice(0, L.attendees),
    agenda: uniqueStrings(
      (draft.agenda.length > 0 ? draft.agenda : topics.map((topic) => topic.text)).map((item) =>
        clip(item, L.agendaChars),
      ),
    ).slice(0, L.agenda),
  };
  const markdown = clipLines(renderMarkdown(content, request, language, segments), L.markdownChars);
  return reportResultSchema.parse({ ...content, markdown });
}

function resolveOwner(owner: string | null | undefined, speaker: string | null): string | null {
  if (!owner) return null;
  return SELF.test(owner.trim()) ? speaker : owner.trim();
}

/** Cuts at a word boundary and marks the cut, so a bound never yields half a word. */
export function clip(text: string, max: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** Markdown keeps its lines: a report past the bound loses whole trailing lines. */
function clipLines(markdown: string, max: number): string {
  if (markdown.length <= max) return markdown;
  const cut = markdown.slice(0, max - 2);
  return `${cut.slice(0, cut.lastIndexOf('\n'))}\n…\n`;
}

/** Items with the same words are one item said again: kept once, citing every moment (first ones first). */
function unique<T extends { text: string; segments?: number[] }>(items: readonly T[]): T[] {
  const byText = new Map<string, T>();
  for (const item of items) {
    const key = item.text.toLowerCase();
    const first = byText.get(key);
    if (!first) byText.set(key, item);
    else if (first.segments && item.segments) {
      first.segments = [...new Set([...first.segments, ...item.segments])].slice(0, REPORT_LIMITS.citations);
    }
  }
  return [...byText.values()];
}

function uniqueStrings(items: readonly string[]): string[] {
  return unique(items.filter(Boolean).map((text) => ({ text }))).map((item) => item.text);
}
