import { Directive, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { ReportItemStatus, ReportStatus, ReportTemplate } from './report-enums.js';

@ObjectType({ description: 'A passage of the report with the transcript segments it came from' })
export class ReportPoint {
  @Field()
  text!: string;

  @Field(() => [Int], { description: 'Indexes of the transcript segments cited (TranscriptSegment.index)' })
  segments!: number[];
}

@ObjectType({
  description: 'A task from the meeting; its id and status stay the same across report versions',
})
export class ActionItem {
  @Field(() => ID, { description: 'Stable across regenerations while the item still exists' })
  id!: string;

  @Field()
  text!: string;

  @Field(() => String, { nullable: true, description: 'Who takes it, when named or known from the speaker' })
  owner!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'ISO date (YYYY-MM-DD) when the deadline names a day, else as stated',
  })
  dueDate!: string | null;

  @Field(() => String, { nullable: true, description: 'The deadline as said in the meeting' })
  dueDateText!: string | null;

  @Field(() => [Int])
  segments!: number[];

  @Field(() => ReportItemStatus)
  status!: ReportItemStatus;
}

@ObjectType({
  description: 'A decision of the meeting; its id and status stay the same across report versions',
})
export class Decision {
  @Field(() => ID)
  id!: string;

  @Field()
  text!: string;

  @Field(() => [Int])
  segments!: number[];

  @Field(() => ReportItemStatus)
  status!: ReportItemStatus;
}

@ObjectType({ description: 'A report of a meeting: one version; regenerating adds another' })
@Directive('@key(fields: "id")')
export class Report {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  meetingId!: string;

  @Field(() => ID, { description: 'The transcript it was made from' })
  transcriptId!: string;

  @Field(() => Int, { description: '1 for the meeting’s first report, +1 for each after' })
  version!: number;

  @Field(() => ReportTemplate)
  template!: ReportTemplate;

  @Field(() => String, { nullable: true })
  instructions!: string | null;

  @Field(() => ReportStatus)
  status!: ReportStatus;

  @Field(() => Float, { description: 'Percent done while GENERATING' })
  progress!: number;

  @Field(() => String, { nullable: true })
  summary!: string | null;

  @Field(() => [Int], { description: 'Segments the summary draws on' })
  summarySegments!: number[];

  @Field(() => [String])
  keyPoints!: string[];

  @Field(() => [ReportPoint], { description: 'The key points with their citations' })
  keyPointDetails!: ReportPoint[];

  @Field(() => [String])
  topics!: string[];

  @Field(() => [ReportPoint], { description: 'The topics with where they were discussed' })
  topicDetails!: ReportPoint[];

  @Field(() => [String], { description: 'Speakers and named people (the minutes’ attendees)' })
  attendees!: string[];

  @Field(() => [String], { description: 'The topics in the order discussed (the minutes’ agenda)' })
  agenda!: string[];

  @Field(() => String, { nullable: true })
  markdown!: string | null;

  @Field({
    description:
      'What wrote it (extractive-textrank, openai:<model>, ollama:<model>); "pending" until it runs',
  })
  model!: string;

  @Field(() => String, { nullable: true, description: 'The report’s language (en, ru)' })
  language!: string | null;

  @Field(() => String, { nullable: true })
  failureReason!: string | null;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  startedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  completedAt!: Date | null;
}
