import { buildASTSchema, parse, printSchema, type GraphQLSchema } from 'graphql';

const copies = new WeakMap<GraphQLSchema, GraphQLSchema>();

/**
 * A private copy of the served API schema for checking and rendering subscriptions: Apollo Server
 * instruments the schema it executes with resolver wrappers of its own, which would bypass the
 * subscription layer's field resolution. One copy per supergraph version.
 */
export function renderingSchemaOf(apiSchema: GraphQLSchema): GraphQLSchema {
  let copy = copies.get(apiSchema);
  if (!copy) {
    copy = buildASTSchema(parse(printSchema(apiSchema)));
    copies.set(apiSchema, copy);
  }
  return copy;
}
