import { Arg, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
import { requireUser } from '@mymeet/server';
import { toSegment, toTranscript } from './transcript.mapper.js';
import { TranscriptSegment } from './transcript-segment.type.js';
import { Transcript } from './transcript.type.js';
import type { TranscriptsContext } from './transcripts-context.js';

// Arguments are declared last-first: type-graphql prints them in reverse.
@Resolver()
export class TranscriptMutationResolver {
  @Mutation(() => Transcript, {
    description:
      "Transcribes the meeting's newest recording again (owner only); the current transcript stays until this run completes",
  })
  async retranscribe(
    @Ctx() ctx: TranscriptsContext,
    @Arg('language', () => String, { nullable: true, description: 'e.g. "en"; default: the meeting\'s' })
    language: string | null,
    @Arg('meetingId', () => ID) meetingId: string,
  ): Promise<Transcript> {
    return toTranscript(await ctx.retranscriptions.retranscribe(requireUser(ctx), meetingId, language));
  }

  @Mutation(() => TranscriptSegment, {
    description: "Corrects a segment's text (owner only); rawText keeps what the engine heard",
  })
  async editTranscriptSegment(
    @Ctx() ctx: TranscriptsContext,
    @Arg('text', () => String) text: string,
    @Arg('index', () => Int) index: number,
    @Arg('transcriptId', () => ID) transcriptId: string,
  ): Promise<TranscriptSegment> {
    return toSegment(await ctx.edits.edit(requireUser(ctx), transcriptId, index, text));
  }
}
