import { createHash } from 'node:crypto';
import {
  GraphQLError,
  Kind,
  TypeInfo,
  getArgumentValues,
  getNamedType,
  getOperationAST,
  getVariableValues,
  isObjectType,
  parse,
  print,
  validate,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import type { AuthenticatedUser } from '@mymeet/auth';
import { ErrorCode } from '@mymeet/core';
import { findInputProblem } from '@mymeet/server';
import { COST_MODEL } from '../limits/cost-model.js';
import { enforceDocumentLimits, tooComplex, type DocumentLimits } from '../limits/document-limits.js';
import { operationCost } from '../limits/operation-cost.js';
import { buildEntityQuery, type EntityQuery } from './entity-query.js';
import { FEEDS } from './feeds/feed-catalogue.js';
import type { ProgressFeed } from './feeds/progress-feed.js';
import { badSubscriptionInput, meetingNotFound } from './subscription-errors.js';

/** What a graphql-ws `subscribe` message asks for. */
export interface SubscribeRequest {
  query: string;
  operationName?: string | null;
  variables?: Record<string, unknown> | null;
}

/** A checked subscription: which feed of which meeting, from where, and how to render each payload. */
export interface SubscriptionPlan {
  feed: ProgressFeed;
  meetingId: string;
  /** The cursor to resume after; undefined: start with the current state. */
  after: number | undefined;
  user: AuthenticatedUser;
  scope: string;
  schema: GraphQLSchema;
  document: DocumentNode;
  operationName: string | undefined;
  variables: Record<string, unknown>;
  eventType: GraphQLObjectType;
  /** Equal keys render equal payloads for the same entry. */
  renderKey: string;
  /** The federated query behind one entity field of the payload (built once per plan and field). */
  entityQuery(responseKey: string, queryField: string, info: GraphQLResolveInfo): EntityQuery;
}

export interface PlanLimits extends DocumentLimits {
  maxCost: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CURSOR = /^\d{1,15}$/;

/**
 * Admits a subscription operation under the same limits as an HTTP request, in the same order:
 * size and shape at parse time, then validation against the current supergraph, then cost and
 * input values. Throws the GraphQLError(s) to answer with; the rate limit is taken by the caller.
 */
export function planSubscription(
  request: SubscribeRequest,
  identity: { user: AuthenticatedUser; scope: string },
  schema: GraphQLSchema,
  limits: PlanLimits,
): SubscriptionPlan {
  if (typeof request.query !== 'string') throw badSubscriptionInput('query', 'A query is required');
  enforceDocumentLimits(request.query, limits);
  let document: DocumentNode;
  try {
    document = parse(request.query, { maxTokens: limits.maxTokens, noLocation: true });
  } catch (error) {
    throw withCode(error as GraphQLError, 'GRAPHQL_PARSE_FAILED');
  }
  const invalid = validate(schema, document);
  if (invalid.length) throw invalid.map((error) => withCode(error, 'GRAPHQL_VALIDATION_FAILED'));
  const operationName = request.operationName ?? undefined;
  const operation = getOperationAST(document, operationName);
  if (!operation) throw badSubscriptionInput('operationName', 'Unknown or ambiguous operation');
  if (operation.operation !== 'subscription') {
    throw badSubscriptionInput(
      'query',
      'Only subscriptions are served over WebSocket; send queries and mutations over HTTP',
    );
  }
  const rawVariables = request.variables ?? {};
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], rawVariables, {
    maxErrors: 1,
  });
  if (coerced.errors) throw coerced.errors.map((error) => withCode(error, ErrorCode.BAD_USER_INPUT));
  const cost = operationCost(schema, document, operationName, rawVariables, COST_MODEL);
  if (cost > limits.maxCost) throw tooComplex(`Query cost ${cost} exceeds the limit of ${limits.maxCost}`);
  const problem = findInputProblem(schema, document, rawVariables);
  if (problem) throw badSubscriptionInput(problem.field, problem.message);

  const subscriptionType = schema.getSubscriptionType()!;
  const fragments = fragmentsOf(document);
  const rootField = firstField(operation.selectionSet, fragments);
  const feed = rootField && FEEDS.get(rootField.name.value);
  if (!rootField || !feed) throw badSubscriptionInput('query', 'This subscription is not served');
  const field = subscriptionType.getFields()[feed.field]!;
  const args = getArgumentValues(field, rootField, coerced.coerced);
  const meetingId = String(args.meetingId);
  // Also what keeps a crafted id out of the NATS subject it would be part of.
  if (!UUID.test(meetingId)) throw meetingNotFound();
  const after = args.after as string | null | undefined;
  if (after != null && !CURSOR.test(after)) {
    throw badSubscriptionInput('after', '`after` must be a cursor this subscription returned');
  }
  const eventType = getNamedType(field.type);
  if (!isObjectType(eventType)) throw new Error(`${feed.field} does not return an object type`);

  const variables = coerced.coerced;
  const selectsEntity = selectsEntityField(schema, document, eventType, feed);
  const renderKey = createHash('sha256')
    .update(print(document))
    .update('\u0000')
    .update(operationName ?? '')
    .update('\u0000')
    .update(JSON.stringify(variables))
    .digest('base64url')
    .concat(selectsEntity ? `|${identity.scope}` : '');
  const entityQueries = new Map<string, EntityQuery>();
  return {
    feed,
    meetingId: meetingId.toLowerCase(),
    after: after == null ? undefined : Number(after),
    user: identity.user,
    scope: identity.scope,
    schema,
    document,
    operationName,
    variables,
    eventType,
    renderKey,
    entityQuery(responseKey, queryField, info) {
      let query = entityQueries.get(responseKey);
      if (!query) {
        query = buildEntityQuery(queryField, info);
        entityQueries.set(responseKey, query);
      }
      return query;
    },
  };
}

function withCode(error: GraphQLError, code: string): GraphQLError {
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    originalError: error.originalError,
    extensions: { ...error.extensions, code },
  });
}

function fragmentsOf(document: DocumentNode): Map<string, FragmentDefinitionNode> {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  return fragments;
}

/** The subscription's one root field (validation guarantees there is exactly one), through fragments. */
function firstField(
  selectionSet: SelectionSetNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  seen = new Set<string>(),
): FieldNode | undefined {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value !== '__typename') return selection;
      continue;
    }
    if (selection.kind === Kind.INLINE_FRAGMENT) {
      const field = firstField(selection.selectionSet, fragments, seen);
      if (field) return field;
      continue;
    }
    const fragment = fragments.get(selection.name.value);
    if (!fragment || seen.has(fragment.name.value)) continue;
    seen.add(fragment.name.value);
    const field = firstField(fragment.selectionSet, fragments, seen);
    if (field) return field;
  }
  return undefined;
}

/** Whether any selection reads an entity field of the event type (answers that depend on who asks). */
function selectsEntityField(
  schema: GraphQLSchema,
  document: DocumentNode,
  eventType: GraphQLObjectType,
  feed: ProgressFeed,
): boolean {
  const typeInfo = new TypeInfo(schema);
  let found = false;
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field: (node) => {
        if (typeInfo.getParentType() === eventType && node.name.value in feed.entities) found = true;
      },
    }),
  );
  return found;
}
