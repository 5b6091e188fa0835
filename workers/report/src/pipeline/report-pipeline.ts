import { RunnableLambda, RunnableSequence, type RunnableConfig } from '@langchain/core/runnables';
import type { ReportResult } from '@mymeet/contracts';
import type { ReportRequest, Segment } from '../domain/report-request.js';
import { chunkTranscript, speakersByTalkTime } from './transcript-chunks.js';
import { finaliseReport } from './finalise-report.js';
import type { AnalysisContext, ReportAnalyst, TranscriptChunk } from './report-analyst.port.js';
import { chunkNotesSchema, reportDraftSchema, type ChunkNotes, type ReportDraft } from './report-schemas.js';

export interface PipelineInput {
  segments: Segment[];
  request: ReportRequest;
}

export type ReportStage = 'ANALYSING' | 'COMBINING' | 'RENDERING';

export interface PipelineRun {
  signal: AbortSignal;
  /** Called as the run moves on; percent covers the pipeline only (0–100). */
  onProgress?: (stage: ReportStage, percent: number) => Promise<void> | void;
}

interface Prepared extends PipelineInput {
  speakers: string[];
  chunks: TranscriptChunk[];
}
interface Mapped extends Prepared {
  notes: ChunkNotes[];
}
interface Reduced extends Prepared {
  draft: ReportDraft;
}

/**
 * The report pipeline as a LangChain runnable sequence: split the transcript with LangChain's text
 * splitter → map each chunk to notes → reduce the notes to a draft → finalise (normalise, cite,
 * render, validate). The analyst is the engine: a chat model or the offline extractive summariser;
 * both answer in the same zod schemas, checked here after every step.
 */
export class ReportPipeline {
  constructor(
    private readonly analyst: ReportAnalyst,
    private readonly options: { mapConcurrency: number } = { mapConcurrency: 2 },
  ) {}

  get model(): string {
    return this.analyst.model;
  }

  generate(input: PipelineInput, run: PipelineRun): Promise<ReportResult> {
    const progress = run.onProgress ?? (() => undefined);
    const contextOf = (prepared: Prepared): AnalysisContext => ({
      request: prepared.request,
      speakers: prepared.speakers,
      signal: run.signal,
    });
    const chain = RunnableSequence.from<PipelineInput, ReportResult>([
      RunnableLambda.from(async (value: PipelineInput): Promise<Prepared> => ({
        ...value,
        speakers: speakersByTalkTime(value.segments),
        chunks: await chunkTranscript(value.segments, this.analyst.chunkChars),
      })),
      RunnableLambda.from(async (prepared: Prepared, config?: RunnableConfig): Promise<Mapped> => {
        let done = 0;
        const notes = await mapLimited(prepared.chunks, this.options.mapConcurrency, async (chunk) => {
          config?.signal?.throwIfAborted();
          const notes = chunkNotesSchema.parse(await this.analyst.analyseChunk(chunk, contextOf(prepared)));
          await progress('ANALYSING', (++done / prepared.chunks.length) * 80);
          return notes;
        });
        return { ...prepared, notes };
      }),
      RunnableLambda.from(async (mapped: Mapped): Promise<Reduced> => {
        await progress('COMBINING', 85);
        const draft = reportDraftSchema.parse(await this.analyst.combine(mapped.notes, contextOf(mapped)));
        return { ...mapped, draft };
      }),
      RunnableLambda.from(async (reduced: Reduced): Promise<ReportResult> => {
        await progress('RENDERING', 95);
        return finaliseReport(
          reduced.draft,
          reduced.segments,
          reduced.speakers,
          reduced.request,
          reduced.request.language,
        );
      }),
    ]);
    return chain.invoke(input, { signal: run.signal });
  }
}

/** Runs `work` over items with at most `limit` at once, keeping the items' order in the result. */
async function mapLimited<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, lane));
  return results;
}
