import type { ReportRequest, Segment } from '../domain/report-request.js';
import type { ChunkNotes, ReportDraft } from './report-schemas.js';

/** A slice of the transcript small enough for one step: its lines as the prompt shows them, and its segments. */
export interface TranscriptChunk {
  index: number;
  total: number;
  text: string;
  segments: Segment[];
}

export interface AnalysisContext {
  request: ReportRequest;
  /** Every speaker of the meeting, most talk time first. */
  speakers: string[];
  signal: AbortSignal;
}

/**
 * The engine-specific steps of the report pipeline (map and reduce); splitting, normalising,
 * validating and rendering are the pipeline's own. Adapters: the offline extractive summariser and
 * any LangChain chat model.
 */
export interface ReportAnalyst {
  /** Recorded on the report as `model`. */
  readonly model: string;
  /** The most transcript characters one map step may take (a model's context, less prompt and answer). */
  readonly chunkChars: number;
  analyseChunk(chunk: TranscriptChunk, context: AnalysisContext): Promise<ChunkNotes>;
  combine(notes: ChunkNotes[], context: AnalysisContext): Promise<ReportDraft>;
}
