import { Field, InputType } from 'type-graphql';
import { MeetingStatus } from './meeting-enums.js';

@InputType()
export class ParticipantInput {
  @Field()
  email!: string;

  @Field(() => String, { nullable: true })
  name?: string | null;
}

@InputType()
export class CreateMeetingInput {
  @Field()
  title!: string;

  @Field(() => Date, { nullable: true })
  scheduledAt?: Date | null;

  @Field(() => String, { nullable: true })
  joinUrl?: string | null;

  @Field(() => String, { nullable: true })
  language?: string | null;

  @Field(() => [ParticipantInput], { nullable: true })
  participants?: ParticipantInput[] | null;

  @Field(() => [String], { nullable: true, description: 'Names and terms passed to the speech engine' })
  vocabulary?: string[] | null;
}

@InputType({ description: 'Only the fields given change; null clears an optional field' })
export class UpdateMeetingInput {
  @Field(() => String, { nullable: true })
  title?: string | null;

  @Field(() => Date, { nullable: true })
  scheduledAt?: Date | null;

  @Field(() => String, { nullable: true })
  joinUrl?: string | null;

  @Field(() => String, { nullable: true })
  language?: string | null;

  @Field(() => [ParticipantInput], { nullable: true, description: 'Replaces the whole list' })
  participants?: ParticipantInput[] | null;

  @Field(() => [String], { nullable: true, description: 'Replaces the whole list' })
  vocabulary?: string[] | null;
}

@InputType()
export class MeetingFilter {
  @Field(() => [MeetingStatus], { nullable: true })
  status?: MeetingStatus[] | null;

  @Field(() => Date, {
    nullable: true,
    description: 'Meetings at or after this time (scheduled time, else creation)',
  })
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Meetings before this time' })
  to?: Date | null;

  @Field(() => String, { nullable: true, description: 'Case-insensitive substring of the title' })
  titleContains?: string | null;
}
