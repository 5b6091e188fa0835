import { Directive, Field, ObjectType } from 'type-graphql';

/** Relay connection page info, shared by every subgraph's connections. */
@ObjectType()
@Directive('@shareable')
export class PageInfo {
  @Field()
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}
