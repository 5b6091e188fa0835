import { Directive, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { TranscriptStage, TranscriptStatus } from './transcript-enums.js';

@ObjectType({ description: 'One transcription run of a meeting recording' })
@Directive('@key(fields: "id")')
export class Transcript {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  meetingId!: string;

  @Field(() => ID, { description: 'The recording transcribed' })
  mediaId!: string;

  @Field(() => TranscriptStatus)
  status!: TranscriptStatus;

  @Field(() => TranscriptStage)
  stage!: TranscriptStage;

  @Field(() => Float, { description: 'How far the engine is, 0 to 100; never goes back' })
  percent!: number;

  @Field(() => String, {
    nullable: true,
    description: 'The language transcribed (as the engine reports it), else the one asked for',
  })
  language!: string | null;

  @Field({ description: 'The speech engine that made it; empty until the worker names it' })
  engine!: string;

  @Field(() => Float, { nullable: true })
  durationSeconds!: number | null;

  @Field(() => Int, { description: 'Words of the current (corrected) text' })
  wordCount!: number;

  @Field(() => Int, { description: 'Segments stored so far (all of them once COMPLETED)' })
  segmentCount!: number;

  @Field(() => String, { nullable: true, description: 'Why the run FAILED, in words for the user' })
  failureReason!: string | null;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  completedAt!: Date | null;
}
