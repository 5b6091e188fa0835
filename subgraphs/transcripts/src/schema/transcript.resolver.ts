import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { requireUser } from '@mymeet/server';
import { renderExport } from '../domain/exports/render-export.js';
import { decodeSegmentCursor, encodeSegmentCursor, segmentPageSize } from '../domain/segment-cursor.js';
import { joinSegmentTexts } from '../domain/transcript-text.js';
import { TranscriptFormat } from './transcript-enums.js';
import { toSegment, toTranscript } from './transcript.mapper.js';
import { TranscriptSegmentConnection } from './transcript-segment.type.js';
import { Transcript } from './transcript.type.js';
import type { TranscriptsContext } from './transcripts-context.js';

@Resolver(() => Transcript)
export class TranscriptResolver {
  @Query(() => Transcript, {
    nullable: true,
    description: 'A transcription run of a meeting the caller may see (older runs included)',
  })
  async transcript(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: TranscriptsContext,
  ): Promise<Transcript | null> {
    requireUser(ctx);
    const run = await ctx.transcriptLoader.load(id);
    return run && toTranscript(run);
  }

  @FieldResolver(() => String, {
    description: 'The whole (corrected) text: the segments in order, one space apart',
  })
  async text(@Root() transcript: Transcript, @Ctx() ctx: TranscriptsContext): Promise<string> {
    return joinSegmentTexts(await ctx.segmentsLoader.load(transcript.id));
  }

  // Arguments are declared last-first: type-graphql prints them in reverse, and the SDL should read (first, after).
  @FieldResolver(() => TranscriptSegmentConnection, { description: 'Segments in order; a Relay connection' })
  async segments(
    @Root() transcript: Transcript,
    @Ctx() ctx: TranscriptsContext,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('first', () => Int, { nullable: true, description: 'At most 1000; 100 when omitted' })
    first: number | null,
  ): Promise<TranscriptSegmentConnection> {
    const limit = segmentPageSize(first);
    const afterIndex = after ? decodeSegmentCursor(after) : -1;
    // One more than asked tells whether another page follows.
    const rows = await ctx.segmentPageLoader.load({
      transcriptId: transcript.id,
      afterIndex,
      limit: limit + 1,
    });
    const page = rows.slice(0, limit);
    const edges = page.map((segment) => ({
      cursor: encodeSegmentCursor(segment.index),
      node: toSegment(segment),
    }));
    return {
      edges,
      pageInfo: { hasNextPage: rows.length > limit, endCursor: edges.at(-1)?.cursor ?? null },
    };
  }

  @FieldResolver(() => String, { description: 'The transcript as a file in the given format' })
  async export(
    @Root() transcript: Transcript,
    @Arg('format', () => TranscriptFormat) format: TranscriptFormat,
    @Ctx() ctx: TranscriptsContext,
  ): Promise<string> {
    const segments = (await ctx.segmentsLoader.load(transcript.id)).map(toSegment);
    return renderExport(format, transcript, segments);
  }
}
