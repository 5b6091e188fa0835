import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { MeetingPlatform, MeetingStatus } from './meeting-enums.js';

@ObjectType()
export class Participant {
  @Field()
  email!: string;

  @Field(() => String, { nullable: true })
  name!: string | null;
}

@ObjectType()
@Directive('@key(fields: "id")')
export class Meeting {
  @Field(() => ID)
  id!: string;

  @Field()
  title!: string;

  @Field(() => MeetingStatus)
  status!: MeetingStatus;

  @Field(() => String, { nullable: true, description: 'BCP 47 language of the recording, e.g. "en"' })
  language!: string | null;

  @Field(() => Date, { nullable: true })
  scheduledAt!: Date | null;

  @Field(() => String, { nullable: true })
  joinUrl!: string | null;

  @Field(() => MeetingPlatform)
  platform!: MeetingPlatform;

  @Field(() => [Participant])
  participants!: Participant[];

  @Field({ description: 'Whether the caller owns the meeting (only the owner may change or delete it)' })
  viewerIsOwner!: boolean;

  @Field()
  createdAt!: Date;

  @Field()
  updatedAt!: Date;

  @Field(() => String, { nullable: true })
  failureReason!: string | null;

  @Field(() => [String], { description: 'Names and terms passed to the speech engine' })
  vocabulary!: string[];
}
