/** An event of the meeting's topic as the feeds read it: validated against the contract's catalogue. */
export interface StreamEvent {
  /** The EVENTS stream sequence: the subscription cursor. */
  seq: number;
  kind: string;
  meetingId: string;
  occurredAt: string;
  payload: Record<string, unknown>;
}

/** One payload a feed delivers: the event type's own fields, entity fields left to the federated graph. */
export interface FeedEntry {
  seq: number;
  /** The run (transcript or report) the entry is about. */
  runId: string;
  fields: Readonly<Record<string, unknown>>;
  /** The run ended (COMPLETED/FAILED, READY/FAILED): the stream completes after it. */
  terminal: boolean;
  /**
   * Progress only (no segment, not terminal): a slow client may skip it when a later entry of the
   * same run follows, since every entry carries the run's whole progress.
   */
  mergeable: boolean;
}

/** An entity field of the event type, resolved through the federated graph as `<queryField>(id:)`. */
export interface EntityLink {
  queryField: string;
  idOf(fields: Readonly<Record<string, unknown>>): string | undefined;
}

/**
 * What a subscription field streams: which events it reads, how they become payloads (a reducer, so
 * progress never goes back), and what a late subscriber sees first.
 */
export interface ProgressFeed<State = unknown> {
  /** The `Subscription` field. */
  field: string;
  entities: Readonly<Record<string, EntityLink>>;
  initialState(): State;
  /** Folds the event into `state` and returns its payload, or undefined when it shows nothing new. */
  apply(state: State, event: StreamEvent): FeedEntry | undefined;
  /** The current state as one payload (no segment), for a subscriber without `after`. */
  current(state: State): FeedEntry | undefined;
}
