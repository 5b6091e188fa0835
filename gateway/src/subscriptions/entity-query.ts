import {
  Kind,
  OperationTypeNode,
  print,
  visit,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLResolveInfo,
  type SelectionSetNode,
} from 'graphql';

/** The response key the entity comes back under, and the variable that carries its id. */
export const ENTITY_ALIAS = 'entity';
export const ENTITY_ID_VARIABLE = 'subscriptionEntityId';

export interface EntityQuery {
  text: string;
  /** The subscriber's variables the selection uses. */
  variables: Record<string, unknown>;
  /** Identifies text and variables: equal keys, equal answers for the same entity and identity. */
  key: string;
}

/**
 * Turns a payload's entity field (`meeting { title status }`, every occurrence merged, fragments and
 * variables carried along) into the query a client would send for it:
 * `query ($subscriptionEntityId: ID!) { entity: meeting(id: $subscriptionEntityId) { … } }`.
 * `__typename` is asked in every selection so abstract types resolve in the payload.
 */
export function buildEntityQuery(queryField: string, info: GraphQLResolveInfo): EntityQuery {
  const selectionSet = withTypenames({
    kind: Kind.SELECTION_SET,
    selections: info.fieldNodes.flatMap((node) => node.selectionSet?.selections ?? []),
  });
  const fragments = usedFragments(selectionSet, info.fragments);
  const variableNames = new Set<string>();
  for (const node of [selectionSet, ...fragments]) {
    visit(node, { Variable: (variable) => void variableNames.add(variable.name.value) });
  }
  const field: FieldNode = {
    kind: Kind.FIELD,
    alias: { kind: Kind.NAME, value: ENTITY_ALIAS },
    name: { kind: Kind.NAME, value: queryField },
    arguments: [
      {
        kind: Kind.ARGUMENT,
        name: { kind: Kind.NAME, value: 'id' },
        value: { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: ENTITY_ID_VARIABLE } },
      },
    ],
    selectionSet,
  };
  const document: DocumentNode = {
    kind: Kind.DOCUMENT,
    definitions: [
      {
        kind: Kind.OPERATION_DEFINITION,
        operation: OperationTypeNode.QUERY,
        name: { kind: Kind.NAME, value: 'SubscriptionEntity' },
        variableDefinitions: [
          {
            kind: Kind.VARIABLE_DEFINITION,
            variable: { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: ENTITY_ID_VARIABLE } },
            type: {
              kind: Kind.NON_NULL_TYPE,
              type: { kind: Kind.NAMED_TYPE, name: { kind: Kind.NAME, value: 'ID' } },
            },
          },
          ...(info.operation.variableDefinitions ?? []).filter((definition) =>
            variableNames.has(definition.variable.name.value),
          ),
        ],
        selectionSet: { kind: Kind.SELECTION_SET, selections: [field] },
      },
      ...fragments,
    ],
  };
  const variables = Object.fromEntries(
    [...variableNames]
      .filter((name) => name in info.variableValues)
      .map((name) => [name, info.variableValues[name]]),
  );
  const text = print(document);
  return { text, variables, key: `${text}\u0000${JSON.stringify(variables)}` };
}

function withTypenames(selectionSet: SelectionSetNode): SelectionSetNode {
  return visit(selectionSet, {
    SelectionSet: {
      leave: (node) => ({
        ...node,
        selections: [
          { kind: Kind.FIELD, name: { kind: Kind.NAME, value: '__typename' } },
          ...node.selections,
        ],
      }),
    },
  });
}

function usedFragments(
  selectionSet: SelectionSetNode,
  all: Readonly<Record<string, FragmentDefinitionNode>>,
): FragmentDefinitionNode[] {
  const found = new Map<string, FragmentDefinitionNode>();
  const collect = (node: SelectionSetNode | FragmentDefinitionNode) =>
    visit(node, {
      FragmentSpread: (spread) => {
        const name = spread.name.value;
        const fragment = all[name];
        if (!fragment || found.has(name)) return;
        found.set(name, withTypenameFragment(fragment));
        collect(fragment);
      },
    });
  collect(selectionSet);
  return [...found.values()];
}

function withTypenameFragment(fragment: FragmentDefinitionNode): FragmentDefinitionNode {
  return { ...fragment, selectionSet: withTypenames(fragment.selectionSet) };
}
