import {
  Kind,
  getNamedType,
  isCompositeType,
  isListType,
  isNonNullType,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLOutputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import { UNLISTED_LIST_BOUND, UNLISTED_MUTATION, type CostModel } from './cost-model.js';

/** The cost of an operation under the model (variables applied, `@skip`/`@include` honoured). */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | undefined,
  variables: Record<string, unknown>,
  model: CostModel,
): number {
  return getComplexity({
    schema,
    query: document,
    operationName,
    variables,
    estimators: [costEstimator(schema, model)],
  });
}

function costEstimator(schema: GraphQLSchema, model: CostModel): ComplexityEstimator {
  const mutationType = schema.getMutationType()?.name;
  return ({ type, field, args, childComplexity }) => {
    const key = `${type.name}.${field.name}`;
    const own = isCompositeType(getNamedType(field.type)) ? 1 : 0;
    const work = own + childComplexity;
    if (type.name === mutationType) return (model.mutations[key] ?? UNLISTED_MUTATION).cost + childComplexity;
    if ('first' in args || key in model.defaultPageSizes) {
      const first = args.first as number | null | undefined;
      const size = first ?? model.defaultPageSizes[key] ?? UNLISTED_LIST_BOUND;
      return Math.max(0, size) * work;
    }
    if (isList(field.type)) return (model.listBounds[key] ?? UNLISTED_LIST_BOUND) * work;
    return work;
  };
}

function isList(type: GraphQLOutputType): boolean {
  return isListType(isNonNullType(type) ? type.ofType : type);
}

/**
 * How many times each root mutation field appears in the operation, aliases and fragments
 * included, for the per-operation caps. Counted as written: `@skip` does not buy more calls.
 */
export function countRootFields(
  document: DocumentNode,
  operation: OperationDefinitionNode,
): Map<string, number> {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const counts = new Map<string, number>();
  const walk = (selectionSet: SelectionSetNode, visiting: ReadonlySet<string>): void => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        counts.set(selection.name.value, (counts.get(selection.name.value) ?? 0) + 1);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        walk(selection.selectionSet, visiting);
      } else {
        const fragment = fragments.get(selection.name.value);
        if (fragment && !visiting.has(fragment.name.value)) {
          walk(fragment.selectionSet, new Set([...visiting, fragment.name.value]));
        }
      }
    }
  };
  walk(operation.selectionSet, new Set());
  return counts;
}
