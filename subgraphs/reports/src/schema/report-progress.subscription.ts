import { Arg, Field, Float, ID, ObjectType, Resolver, Root, Subscription } from 'type-graphql';
import { DateTimeScalar, refuseSubscription } from '@mymeet/server';
import { ReportStatus } from './report-enums.js';
import { Report } from './report.type.js';

@ObjectType({ description: "One step of a meeting's report run, as it happens" })
export class ReportProgressEvent {
  @Field({ description: 'The stream position of this event: pass it as `after` to resume right after it' })
  cursor!: string;

  @Field(() => ID)
  meetingId!: string;

  @Field(() => ID)
  reportId!: string;

  @Field(() => ReportStatus)
  status!: ReportStatus;

  @Field(() => Float, { description: "The worker's progress, 0 to 100; never goes back within a run" })
  percent!: number;

  @Field(() => String, { nullable: true, description: 'Why the run failed' })
  message!: string | null;

  @Field(() => DateTimeScalar)
  at!: Date;

  @Field(() => Report, { nullable: true })
  report!: Report | null;
}

/**
 * Declares `reportProgress` so it is part of the composed supergraph. The gateway serves it over
 * graphql-ws from the EVENTS stream (see gateway/src/subscriptions); this subgraph never does.
 */
@Resolver(() => ReportProgressEvent)
export class ReportProgressSubscription {
  @Subscription(() => ReportProgressEvent, {
    description:
      "Live progress of a meeting's report runs (QUEUED → GENERATING → READY or FAILED), then the stream completes. " +
      '`after`: a cursor already received; every later event is replayed in order before live ones. ' +
      'Without it the current state comes first.',
    subscribe: refuseSubscription,
  })
  reportProgress(
    @Root() event: ReportProgressEvent,
    @Arg('meetingId', () => ID) _meetingId: string,
    @Arg('after', () => String, { nullable: true }) _after?: string | null,
  ): ReportProgressEvent {
    return event;
  }
}
