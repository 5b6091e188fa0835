import type { BaseMessage } from '@langchain/core/messages';
import type { AnalysisContext, ReportAnalyst, TranscriptChunk } from '../pipeline/report-analyst.port.js';
import {
  chunkNotesSchema,
  reportDraftSchema,
  type ChunkNotes,
  type ReportDraft,
} from '../pipeline/report-schemas.js';
import { COLLAPSE_PROMPT, COMBINE_PROMPT, MAP_PROMPT, promptBasics } from './prompts.js';
import type { StructuredModelCall } from './structured-call.js';

/**
 * Characters per token assumed when sizing chunks: English runs near 4, Russian nearer 3 with
 * current tokenizers; the lower figure keeps every prompt inside the context in both.
 */
export const CHARS_PER_TOKEN = 3;

export interface LlmAnalystOptions {
  model: string;
  contextTokens: number;
  maxOutputTokens: number;
}

/**
 * A chat model as the pipeline's engine: each chunk becomes notes (map), notes too long for one
 * prompt are merged in groups until they fit (collapse), then one call writes the report (reduce).
 * No prompt exceeds the context less the room kept for the answer.
 */
export class LlmAnalyst implements ReportAnalyst {
  readonly model: string;
  readonly chunkChars: number;
  /** The most characters a whole prompt may have. */
  readonly promptChars: number;

  constructor(
    private readonly caller: StructuredModelCall,
    options: LlmAnalystOptions,
  ) {
    this.model = options.model;
    this.promptChars = (options.contextTokens - options.maxOutputTokens) * CHARS_PER_TOKEN;
    const overhead = this.caller.formatInstructions(reportDraftSchema).length + 2_500;
    this.chunkChars = Math.max(1_000, this.promptChars - overhead);
  }

  async analyseChunk(chunk: TranscriptChunk, context: AnalysisContext): Promise<ChunkNotes> {
    const messages = await MAP_PROMPT.formatMessages({
      ...promptBasics(context.request, this.caller.formatInstructions(chunkNotesSchema)),
      part: chunk.index + 1,
      parts: chunk.total,
      transcript: chunk.text,
    });
    return this.caller.call(messages, chunkNotesSchema, context.signal);
  }

  async combine(notes: ChunkNotes[], context: AnalysisContext): Promise<ReportDraft> {
    let level = notes;
    while (level.length > 1 && serialised(level).length > this.chunkChars) {
      const groups = packInto(level, this.chunkChars);
      level = await Promise.all(
        groups.map(async (group) =>
          this.caller.call(await this.collapsePrompt(group, context), chunkNotesSchema, context.signal),
        ),
      );
    }
    const messages = await COMBINE_PROMPT.formatMessages({
      ...promptBasics(context.request, this.caller.formatInstructions(reportDraftSchema)),
      speakers: context.speakers.join(', ') || 'not known',
      notes: serialised(level),
    });
    return this.caller.call(messages, reportDraftSchema, context.signal);
  }

  private collapsePrompt(group: ChunkNotes[], context: AnalysisContext): Promise<BaseMessage[]> {
    return COLLAPSE_PROMPT.formatMessages({
      ...promptBasics(context.request, this.caller.formatInstructions(chunkNotesSchema)),
      notes: serialised(group),
    });
  }
}

function serialised(notes: readonly ChunkNotes[]): string {
  return JSON.stringify(notes.map((note, part) => ({ part: part + 1, ...note })));
}

/**
 * Consecutive groups of notes that each fit `budget`; always at least two per group when there
 * are two, so every round halves the work even when single notes are large.
 */
function packInto(notes: readonly ChunkNotes[], budget: number): ChunkNotes[][] {
  const groups: ChunkNotes[][] = [];
  let current: ChunkNotes[] = [];
  for (const note of notes) {
    if (current.length >= 2 && serialised([...current, note]).length > budget) {
      groups.push(current);
      current = [];
    }
    current.push(note);
  }
  if (current.length === 1 && groups.length > 0) groups.at(-1)!.push(current[0]!);
  else if (current.length > 0) groups.push(current);
  return groups;
}
