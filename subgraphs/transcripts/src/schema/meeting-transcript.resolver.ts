import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Meeting } from './meeting.type.js';
import { toTranscript } from './transcript.mapper.js';
import { Transcript } from './transcript.type.js';
import type { TranscriptsContext } from './transcripts-context.js';

@Resolver(() => Meeting)
export class MeetingTranscriptResolver {
  @FieldResolver(() => Transcript, {
    nullable: true,
    description: 'The newest completed transcript, else the one being made, else the newest failed one',
  })
  async transcript(@Root() meeting: Meeting, @Ctx() ctx: TranscriptsContext): Promise<Transcript | null> {
    const run = await ctx.currentTranscriptLoader.load(meeting.id);
    return run && toTranscript(run);
  }

  @FieldResolver(() => [Transcript], { description: 'Every transcription run of the meeting, newest first' })
  async transcripts(@Root() meeting: Meeting, @Ctx() ctx: TranscriptsContext): Promise<Transcript[]> {
    return (await ctx.runsLoader.load(meeting.id)).map(toTranscript);
  }
}
