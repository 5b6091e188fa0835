import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { requireUser } from '@mymeet/server';
import { talkTimeBySpeaker } from '../domain/talk-time.js';
import { TranscriptSpeaker } from './transcript-speaker.type.js';
import { Transcript } from './transcript.type.js';
import type { TranscriptsContext } from './transcripts-context.js';

@Resolver(() => Transcript)
export class TranscriptSpeakersResolver {
  @FieldResolver(() => [TranscriptSpeaker], {
    description: 'Who spoke, in label order, with talk time; names where the owner gave them',
  })
  async speakers(
    @Root() transcript: Transcript,
    @Ctx() ctx: TranscriptsContext,
  ): Promise<TranscriptSpeaker[]> {
    const [segments, stored] = await Promise.all([
      ctx.segmentsLoader.load(transcript.id),
      ctx.speakersLoader.load(transcript.id),
    ]);
    const byLabel = new Map(stored.map((speaker) => [speaker.label, speaker]));
    return talkTimeBySpeaker(segments).map((talk) => ({
      ...talk,
      name: byLabel.get(talk.label)?.name ?? null,
      email: byLabel.get(talk.label)?.email ?? null,
    }));
  }

  // Arguments are declared last-first: type-graphql prints them in reverse.
  @Mutation(() => TranscriptSpeaker, {
    description:
      "Names a speaker of a transcript (owner only), optionally linking a participant's e-mail; segments, exports and search show the name",
  })
  async nameSpeaker(
    @Ctx() ctx: TranscriptsContext,
    @Arg('email', () => String, { nullable: true }) email: string | null,
    @Arg('name', () => String) name: string,
    @Arg('label', () => String, { description: 'S1, S2…' }) label: string,
    @Arg('transcriptId', () => ID) transcriptId: string,
  ): Promise<TranscriptSpeaker> {
    return ctx.speakerNames.name(requireUser(ctx), transcriptId, label, name, email);
  }
}
