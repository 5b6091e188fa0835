import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DeliveryStatus } from './report-enums.js';

@ObjectType({ description: 'One e-mailing of a report and its outcome' })
export class ReportDelivery {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  reportId!: string;

  @Field(() => [String])
  recipients!: string[];

  @Field(() => DeliveryStatus)
  status!: DeliveryStatus;

  @Field(() => Int, { description: 'Sending attempts so far (transient failures are retried)' })
  attempts!: number;

  @Field(() => [String], { description: 'Addresses the mail server accepted' })
  accepted!: string[];

  @Field(() => [String], { description: 'Addresses the mail server refused' })
  rejected!: string[];

  @Field(() => String, { nullable: true, description: 'Why the last attempt failed' })
  error!: string | null;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  sentAt!: Date | null;
}
