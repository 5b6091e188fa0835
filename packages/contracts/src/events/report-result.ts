import { z } from 'zod';

/**
 * Bounds of a report. A report summarises, so its size does not grow with the meeting: these caps
 * keep the largest possible `report.generated` event (every field full, 3-byte characters) well
 * under NATS's default 1 MiB message limit, so a 2-hour meeting's result travels inline.
 */
export const REPORT_LIMITS = {
  summaryChars: 4_000,
  itemChars: 400,
  keyPoints: 25,
  decisions: 40,
  actionItems: 60,
  topics: 20,
  topicChars: 80,
  attendees: 50,
  nameChars: 100,
  agenda: 25,
  agendaChars: 160,
  citations: 20,
  summaryCitations: 40,
  dueDateChars: 80,
  markdownChars: 120_000,
} as const;

const L = REPORT_LIMITS;
const text = (max: number) => z.string().trim().min(1).max(max);
/** Indexes of the transcript segments an item came from, so a reader can jump to the moment. */
const citations = (max: number = L.citations) => z.array(z.number().int().nonnegative()).min(1).max(max);

export const citedTextSchema = z.object({ text: text(L.itemChars), segments: citations() });

export const actionItemSchema = z.object({
  text: text(L.itemChars),
  /** Who takes it, when named or known from the speaker. */
  owner: text(L.nameChars).nullable(),
  /** ISO date (YYYY-MM-DD) when the stated due date is a date, otherwise the words as stated. */
  dueDate: text(L.dueDateChars).nullable(),
  /** The due date as said in the meeting. */
  dueDateText: text(L.dueDateChars).nullable(),
  segments: citations(),
});

/** The structured result of a report run, checked by the worker before publishing and by the service on receipt. */
export const reportResultSchema = z.object({
  summary: z.object({ text: text(L.summaryChars), segments: citations(L.summaryCitations) }),
  keyPoints: z.array(citedTextSchema).max(L.keyPoints),
  decisions: z.array(citedTextSchema).max(L.decisions),
  actionItems: z.array(actionItemSchema).max(L.actionItems),
  topics: z.array(z.object({ text: text(L.topicChars), segments: citations() })).max(L.topics),
  /** Speakers and named people (the PROTOCOL template's attendees). */
  attendees: z.array(text(L.nameChars)).max(L.attendees),
  /** The PROTOCOL template's agenda: the meeting's topics in the order discussed. */
  agenda: z.array(text(L.agendaChars)).max(L.agenda),
  markdown: text(L.markdownChars),
});

export type ReportResult = z.output<typeof reportResultSchema>;
export type ReportActionItem = z.output<typeof actionItemSchema>;
export type CitedText = z.output<typeof citedTextSchema>;
