import {
  GraphQLError,
  defaultFieldResolver,
  execute,
  type ExecutionResult,
  type GraphQLFieldResolver,
  type GraphQLFormattedError,
} from 'graphql';
import { BoundedMemo } from './bounded-memo.js';
import { ENTITY_ALIAS, ENTITY_ID_VARIABLE } from './entity-query.js';
import type { FederatedGraph } from './federated-graph.js';
import type { FeedEntry } from './feeds/progress-feed.js';
import type { MeetingTopic } from './meeting-topic.js';
import type { SubscriptionPlan } from './subscription-plan.js';

interface RenderContext {
  plan: SubscriptionPlan;
  topic: MeetingTopic;
}

export type ErrorFormatter = (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;

/**
 * Executes a subscription's selection over a feed entry and encodes it as a `next` payload.
 * Subscribers with the same operation and variables (and, when they select entity fields, the same
 * permission scope) share one execution and one encoding per entry, and one federated fetch per
 * entity, topic position and scope: a thousand subscribers of a meeting cost one render and one
 * `meeting(id)` call per event, not a thousand. Without entity fields a render is synchronous.
 */
export class PayloadRenderer {
  private readonly payloads: BoundedMemo<Buffer | Promise<Buffer>>;
  private readonly fetches: BoundedMemo<Promise<unknown>>;
  private readonly entryIds = new WeakMap<FeedEntry, number>();
  private nextEntryId = 0;
  // Objects from a federated answer: keyed by response key (aliases), so read by path key.
  private readonly federated = new WeakSet<object>();

  constructor(
    private readonly graph: FederatedGraph,
    private readonly formatError: ErrorFormatter,
    memoCapacity: number,
  ) {
    this.payloads = new BoundedMemo(memoCapacity);
    this.fetches = new BoundedMemo(memoCapacity);
  }

  /** The `next` payload (UTF-8 JSON) of the entry for the plan's operation. */
  payload(entry: FeedEntry, plan: SubscriptionPlan, topic: MeetingTopic): Buffer | Promise<Buffer> {
    const key = `${this.entryId(entry)}|${plan.renderKey}`;
    return this.payloads.get(key, () => {
      const result = execute({
        schema: plan.schema,
        document: plan.document,
        operationName: plan.operationName,
        variableValues: plan.variables,
        rootValue: { [plan.feed.field]: entry.fields },
        contextValue: { plan, topic } satisfies RenderContext,
        fieldResolver: this.resolveField,
      });
      if (!(result instanceof Promise)) return this.encode(result);
      const pending = result.then((settled) => this.encode(settled));
      void pending.then(
        (bytes) => this.payloads.replace(key, pending, bytes),
        () => undefined,
      );
      return pending;
    });
  }

  private encode({ errors, ...rest }: ExecutionResult): Buffer {
    if (!errors?.length) return Buffer.from(JSON.stringify(rest));
    const formatted = errors.map((error) => this.formatError(error.toJSON(), error));
    return Buffer.from(JSON.stringify({ ...rest, errors: formatted }));
  }

  private readonly resolveField: GraphQLFieldResolver<unknown, RenderContext> = (
    source,
    args,
    context,
    info,
  ) => {
    const { plan, topic } = context;
    if (info.parentType === plan.eventType) {
      const link = plan.feed.entities[info.fieldName];
      if (link) {
        const id = link.idOf(source as Record<string, unknown>);
        if (!id) return null;
        const query = plan.entityQuery(info.path.key as string, link.queryField, info);
        const key = `${link.queryField}|${id}|${topic.meetingId}|${topic.headSeq}|${plan.scope}|${query.key}`;
        return this.fetches.get(key, async () => {
          const answer = await this.graph.execute(plan.user, query.text, {
            ...query.variables,
            [ENTITY_ID_VARIABLE]: id,
          });
          const value = answer.data?.[ENTITY_ALIAS];
          if (value == null && answer.errors?.length) {
            const [first] = answer.errors;
            throw new GraphQLError(first!.message, { extensions: first!.extensions });
          }
          return this.mark(value ?? null);
        });
      }
    } else if (typeof source === 'object' && source !== null && this.federated.has(source)) {
      return this.mark((source as Record<string, unknown>)[info.path.key as string]);
    }
    return defaultFieldResolver(source, args, context, info);
  };

  private mark<T>(value: T): T {
    if (Array.isArray(value)) for (const item of value) this.mark(item);
    else if (typeof value === 'object' && value !== null) this.federated.add(value);
    return value;
  }

  private entryId(entry: FeedEntry): number {
    let id = this.entryIds.get(entry);
    if (id === undefined) {
      id = this.nextEntryId++;
      this.entryIds.set(entry, id);
    }
    return id;
  }
}
