import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The meetings subgraph's entity; media contributes its `media` list. */
@ObjectType()
@Directive('@key(fields: "id")')
export class Meeting {
  @Field(() => ID)
  id!: string;
}
