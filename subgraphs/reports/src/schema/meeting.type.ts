import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The meetings subgraph's entity; reports contributes its `reports` list. */
@ObjectType()
@Directive('@key(fields: "id")')
export class Meeting {
  @Field(() => ID)
  id!: string;
}
