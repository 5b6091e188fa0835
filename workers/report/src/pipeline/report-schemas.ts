import { z } from 'zod';

const segments = z.array(z.number().int().nonnegative()).min(1);
const text = z.string().trim().min(1);
const cited = z.object({
  text,
  segments,
  /** How central the item is (the offline ranker's score); models may leave it out. */
  weight: z.number().nonnegative().optional(),
});
const actionItem = z.object({
  text,
  owner: text.nullish(),
  /** The due date as stated in the meeting ("by Friday", "15 марта", "2026-03-20"). */
  due: text.nullish(),
  segments,
});

/** What the map step extracts from one chunk of the transcript (the model answers in this shape). */
export const chunkNotesSchema = z.object({
  summary: z.string().trim().default(''),
  keyPoints: z.array(cited).default([]),
  decisions: z.array(cited).default([]),
  actionItems: z.array(actionItem).default([]),
  topics: z.array(cited).default([]),
});

/** What the reduce step makes of all the chunks' notes: the report before normalising and rendering. */
export const reportDraftSchema = chunkNotesSchema.extend({
  summary: text,
  summarySegments: z.array(z.number().int().nonnegative()).default([]),
  attendees: z.array(text).default([]),
  agenda: z.array(text).default([]),
});

export type ChunkNotes = z.output<typeof chunkNotesSchema>;
export type ReportDraft = z.output<typeof reportDraftSchema>;
export type CitedNote = z.output<typeof cited>;
export type ActionNote = z.output<typeof actionItem>;
