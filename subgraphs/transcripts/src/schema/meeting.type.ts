import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The meetings subgraph's entity; transcripts contributes its `transcript` and `transcripts`. */
@ObjectType()
@Directive('@key(fields: "id")')
export class Meeting {
  @Field(() => ID)
  id!: string;
}
