import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { PageInfo } from '@mymeet/server';

@ObjectType({ description: 'One timed passage of a transcript' })
export class TranscriptSegment {
  @Field(() => ID)
  transcriptId!: string;

  @Field(() => Int, { description: 'Position in the transcript, from 0' })
  index!: number;

  @Field(() => Int, { description: 'Start in the recording, in milliseconds' })
  startMs!: number;

  @Field(() => Int)
  endMs!: number;

  @Field(() => String, {
    nullable: true,
    description:
      "The speaker's name once the owner gave one (nameSpeaker), else the label (S1, S2…), when known",
  })
  speaker!: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The diarizer's label (S1, S2…), which nameSpeaker takes",
  })
  speakerLabel!: string | null;

  @Field({ description: "What users read: the engine's text, or the owner's correction" })
  text!: string;

  @Field(() => Float, { nullable: true, description: "The engine's confidence, 0 to 1" })
  confidence!: number | null;

  @Field({ description: 'What the engine heard, kept when the text is corrected' })
  rawText!: string;

  @Field({ description: 'Whether the text differs from rawText' })
  edited!: boolean;
}

@ObjectType()
export class TranscriptSegmentEdge {
  @Field()
  cursor!: string;

  @Field(() => TranscriptSegment)
  node!: TranscriptSegment;
}

@ObjectType()
export class TranscriptSegmentConnection {
  @Field(() => [TranscriptSegmentEdge])
  edges!: TranscriptSegmentEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}
