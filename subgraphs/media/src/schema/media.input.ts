import { Field, ID, InputType } from 'type-graphql';
import { SafeIntScalar } from '@mymeet/server';

@InputType()
export class RequestMediaUploadInput {
  @Field(() => ID)
  meetingId!: string;

  @Field()
  fileName!: string;

  @Field({ description: 'audio/* or video/* type of the file, e.g. audio/mpeg' })
  contentType!: string;

  @Field(() => SafeIntScalar, { description: 'Exact size of the file in bytes' })
  byteSize!: number;
}
