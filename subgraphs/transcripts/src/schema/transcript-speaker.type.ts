import { Field, Float, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'One voice of a transcript, with its talk time' })
export class TranscriptSpeaker {
  @Field({ description: "The diarizer's label (S1, S2…), stable within the transcript" })
  label!: string;

  @Field(() => String, { nullable: true, description: 'The name the owner gave (nameSpeaker)' })
  name!: string | null;

  @Field(() => String, { nullable: true, description: "The participant's e-mail, when the owner linked one" })
  email!: string | null;

  @Field(() => Int, { description: "Length of the speaker's segments, in milliseconds" })
  talkTimeMs!: number;

  @Field(() => Float, { description: 'Share of all attributed talk time, 0 to 1' })
  share!: number;

  @Field(() => Int, { description: 'Times the speaker took the floor' })
  turns!: number;
}
