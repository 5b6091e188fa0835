import { Field, ObjectType } from 'type-graphql';
import { PageInfo } from '@mymeet/server';
import { Meeting } from './meeting.type.js';

@ObjectType()
export class MeetingEdge {
  @Field()
  cursor!: string;

  @Field(() => Meeting)
  node!: Meeting;
}

@ObjectType()
export class MeetingConnection {
  @Field(() => [MeetingEdge])
  edges!: MeetingEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}
