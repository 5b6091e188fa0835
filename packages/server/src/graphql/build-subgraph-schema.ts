import { parse, type GraphQLSchema } from 'graphql';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap.js';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { DateTimeResolver, JSONResolver, SafeIntResolver } from 'graphql-scalars';
import { buildSchema, createResolversMap, type BuildSchemaOptions } from 'type-graphql';

const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@external", "@requires", "@provides", "@inaccessible", "@tag"])';

export interface SubgraphSchema {
  schema: GraphQLSchema;
  /** The subgraph's SDL as composition sees it (committed as `schema.graphql`). */
  sdl: string;
}

/**
 * Turns type-graphql resolvers into a Federation 2 subgraph: build without the root-type check,
 * print with directives (`@key` survives), prepend the federation `@link`, and hand the SDL plus
 * the resolver map (with `__resolveReference`s) to `buildSubgraphSchema`.
 */
export async function buildFederatedSubgraph(
  options: Pick<BuildSchemaOptions, 'resolvers' | 'orphanedTypes' | 'validate' | 'pubSub'>,
  referenceResolvers: GraphQLResolverMap<unknown> = {},
): Promise<SubgraphSchema> {
  const typeGraphqlSchema = await buildSchema({
    ...options,
    skipCheck: true,
    validate: options.validate ?? false,
    scalarsMap: [{ type: Date, scalar: DateTimeResolver }],
  });
  const sdl = `${FEDERATION_LINK}\n\n${printSchemaWithDirectives(typeGraphqlSchema)}\n`;
  const resolvers = mergeResolverMaps(
    createResolversMap(typeGraphqlSchema) as GraphQLResolverMap<unknown>,
    referenceResolvers,
  );
  const schema = buildSubgraphSchema({ typeDefs: parse(sdl), resolvers });
  return { schema, sdl };
}

function mergeResolverMaps(
  base: GraphQLResolverMap<unknown>,
  extra: GraphQLResolverMap<unknown>,
): GraphQLResolverMap<unknown> {
  const merged: GraphQLResolverMap<unknown> = { ...base };
  for (const [typeName, fields] of Object.entries(extra)) {
    merged[typeName] = {
      ...(merged[typeName] as object),
      ...(fields as object),
    } as GraphQLResolverMap<unknown>[string];
  }
  return merged;
}

/** Scalars of the contract, for use in type-graphql field decorators. */
export { DateTimeResolver as DateTimeScalar, SafeIntResolver as SafeIntScalar, JSONResolver as JSONScalar };
