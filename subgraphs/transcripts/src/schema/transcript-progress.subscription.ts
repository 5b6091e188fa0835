import { Arg, Field, Float, ID, ObjectType, Resolver, Root, Subscription } from 'type-graphql';
import { DateTimeScalar, refuseSubscription } from '@mymeet/server';
import { Meeting } from './meeting.type.js';
import { TranscriptStage } from './transcript-enums.js';
import { TranscriptSegment } from './transcript-segment.type.js';

@ObjectType({ description: "One step of a meeting's transcription, as it happens" })
export class TranscriptProgressEvent {
  @Field({ description: 'The stream position of this event: pass it as `after` to resume right after it' })
  cursor!: string;

  @Field(() => ID)
  meetingId!: string;

  @Field(() => ID, { description: 'The transcription run this event belongs to' })
  transcriptId!: string;

  @Field(() => TranscriptStage)
  stage!: TranscriptStage;

  @Field(() => Float, { description: '0 to 100; never goes back within a run' })
  percent!: number;

  @Field(() => TranscriptSegment, { nullable: true, description: 'The passage just recognised, if any' })
  segment!: TranscriptSegment | null;

  @Field(() => String, { nullable: true, description: "The engine's note, or why the run failed" })
  message!: string | null;

  @Field(() => DateTimeScalar)
  at!: Date;

  @Field(() => Meeting, { nullable: true })
  meeting!: Meeting | null;
}

/**
 * Declares `transcriptProgress` so it is part of the composed supergraph. The gateway serves it over
 * graphql-ws from the EVENTS stream (see gateway/src/subscriptions); this subgraph never does.
 */
@Resolver(() => TranscriptProgressEvent)
export class TranscriptProgressSubscription {
  @Subscription(() => TranscriptProgressEvent, {
    description:
      "Live progress of a meeting's transcription (QUEUED → … → COMPLETED or FAILED), then the stream completes. " +
      '`after`: a cursor already received; every later event is replayed in order before live ones. ' +
      'Without it the current state comes first.',
    subscribe: refuseSubscription,
  })
  transcriptProgress(
    @Root() event: TranscriptProgressEvent,
    @Arg('meetingId', () => ID) _meetingId: string,
    @Arg('after', () => String, { nullable: true }) _after?: string | null,
  ): TranscriptProgressEvent {
    return event;
  }
}
