import {
  Kind,
  TypeInfo,
  isInputObjectType,
  isInputType,
  isListType,
  isNonNullType,
  isScalarType,
  typeFromAST,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLInputType,
  type GraphQLScalarType,
  type GraphQLSchema,
  type ValueNode,
  type VariableDefinitionNode,
} from 'graphql';
import { DateTimeResolver, JSONResolver, SafeIntResolver } from 'graphql-scalars';
import { textProblem } from './storable-text.js';

/** An input value the API refuses, named the way `extensions.field` names it. */
export interface InputProblem {
  field: string;
  reason: 'UNSUPPORTED_CHARACTER' | 'INVALID_SCALAR';
  message: string;
}

// The contract's custom scalars, checked with their real implementation wherever the schema at hand
// only knows their name (the gateway's supergraph does not carry scalar code).
const CONTRACT_SCALARS: Record<string, GraphQLScalarType> = {
  DateTime: DateTimeResolver,
  SafeInt: SafeIntResolver,
  JSON: JSONResolver,
};
const BUILT_IN_NON_TEXT = new Set(['Int', 'Float', 'Boolean']);

/**
 * Finds the first argument value, literal or variable, that is a bad contract scalar or text
 * PostgreSQL cannot store (NUL, unpaired surrogates), so it is refused as BAD_USER_INPUT before
 * anything runs. Values of the wrong shape are left to GraphQL's own validation and coercion.
 */
export function findInputProblem(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Readonly<Record<string, unknown>>,
): InputProblem | undefined {
  const definitions = new Map<string, VariableDefinitionNode>();
  visit(document, {
    VariableDefinition: (definition) => void definitions.set(definition.variable.name.value, definition),
  });
  const typeInfo = new TypeInfo(schema);
  let problem: InputProblem | undefined;

  const checkJson = (value: unknown, type: GraphQLInputType, path: string[]): InputProblem | undefined => {
    if (value === null || value === undefined) return undefined;
    if (isNonNullType(type)) return checkJson(value, type.ofType, path);
    if (isListType(type)) {
      const items = Array.isArray(value) ? value : [value];
      for (const [index, item] of items.entries()) {
        const found = checkJson(item, type.ofType, [...path, String(index)]);
        if (found) return found;
      }
      return undefined;
    }
    if (isInputObjectType(type)) {
      if (typeof value !== 'object' || Array.isArray(value)) return undefined;
      const fields = type.getFields();
      for (const [name, item] of Object.entries(value)) {
        const field = fields[name];
        const found = field && checkJson(item, field.type, [...path, name]);
        if (found) return found;
      }
      return undefined;
    }
    if (!isScalarType(type) || BUILT_IN_NON_TEXT.has(type.name)) return undefined;
    const contract = CONTRACT_SCALARS[type.name];
    if (contract) {
      const invalid = scalarProblem(() => contract.parseValue(value), type.name, path);
      if (invalid) return invalid;
    }
    return firstTextProblem(value, path);
  };

  const checkLiteral = (
    node: ValueNode,
    type: GraphQLInputType,
    path: string[],
  ): InputProblem | undefined => {
    if (node.kind === Kind.VARIABLE) {
      const name = node.name.value;
      if (name in variables) return checkJson(variables[name], type, path);
      const fallback = definitions.get(name)?.defaultValue;
      return fallback ? checkLiteral(fallback, type, path) : undefined;
    }
    if (node.kind === Kind.NULL) return undefined;
    if (isNonNullType(type)) return checkLiteral(node, type.ofType, path);
    if (isListType(type)) {
      const items = node.kind === Kind.LIST ? node.values : [node];
      for (const [index, item] of items.entries()) {
        const found = checkLiteral(item, type.ofType, [...path, String(index)]);
        if (found) return found;
      }
      return undefined;
    }
    if (isInputObjectType(type)) {
      if (node.kind !== Kind.OBJECT) return undefined;
      const fields = type.getFields();
      for (const item of node.fields) {
        const field = fields[item.name.value];
        const found = field && checkLiteral(item.value, field.type, [...path, item.name.value]);
        if (found) return found;
      }
      return undefined;
    }
    if (!isScalarType(type) || BUILT_IN_NON_TEXT.has(type.name)) return undefined;
    const contract = CONTRACT_SCALARS[type.name];
    if (contract) {
      const invalid = scalarProblem(() => contract.parseLiteral(node, variables), type.name, path);
      if (invalid) return invalid;
    }
    return literalTextProblem(node, path);
  };

  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Argument(node) {
        const argument = typeInfo.getArgument();
        if (problem || !argument) return;
        problem = checkLiteral(node.value, argument.type, [argument.name]);
      },
      VariableDefinition(node) {
        // A default that is never used still reaches the resolver when the variable is left out.
        const type = typeFromAST(schema, node.type);
        if (problem || !node.defaultValue || !type || !isInputType(type)) return;
        problem = checkLiteral(node.defaultValue, type, [node.variable.name.value]);
      },
    }),
  );
  return problem;
}

function scalarProblem(parse: () => unknown, scalar: string, path: string[]): InputProblem | undefined {
  try {
    parse();
    return undefined;
  } catch (error) {
    const detail = error instanceof Error ? error.message : `not a valid ${scalar}`;
    const field = fieldName(path);
    return { field, reason: 'INVALID_SCALAR', message: `${field}: ${detail}` };
  }
}

function firstTextProblem(value: unknown, path: string[]): InputProblem | undefined {
  if (typeof value === 'string') return textAt(textProblem(value), path);
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = firstTextProblem(item, path);
      if (found) return found;
    }
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = textAt(textProblem(key), path) ?? firstTextProblem(item, path);
      if (found) return found;
    }
  }
  return undefined;
}

function literalTextProblem(node: ValueNode, path: string[]): InputProblem | undefined {
  switch (node.kind) {
    case Kind.STRING:
      return textAt(textProblem(node.value), path);
    case Kind.LIST:
      for (const item of node.values) {
        const found = literalTextProblem(item, path);
        if (found) return found;
      }
      return undefined;
    case Kind.OBJECT:
      for (const item of node.fields) {
        const found = literalTextProblem(item.value, path);
        if (found) return found;
      }
      return undefined;
    default:
      return undefined;
  }
}

function textAt(problem: string | undefined, path: string[]): InputProblem | undefined {
  if (!problem) return undefined;
  const field = fieldName(path);
  return { field, reason: 'UNSUPPORTED_CHARACTER', message: `${field}: ${problem}` };
}

/** `input` arguments are transparent in `extensions.field` (`title`, not `input.title`), as services name them. */
function fieldName(path: string[]): string {
  return (path[0] === 'input' && path.length > 1 ? path.slice(1) : path).join('.');
}
