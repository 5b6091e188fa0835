import type { AuthenticatedUser } from '@mymeet/auth';
import type { FeedLog } from './feed-log.js';
import type { FeedEntry, ProgressFeed, StreamEvent } from './feeds/progress-feed.js';
import type { TopicSubscriber } from './meeting-topic.js';
import type { Backlog, SocketSession } from './socket-session.js';
import { meetingNotFound } from './subscription-errors.js';
import type { TopicLease } from './topic-registry.js';

const CLOSING_BRACE = Buffer.from('}');

export interface StreamSettings {
  /**
   * A live subscription whose next entry has waited this long (ms) is slow: it skips progress a
   * later entry of the same run supersedes. A fast client drains a burst long before.
   */
  mergeAfterMs: number;
}

export interface StreamSource {
  /** The graphql-ws subscription id. */
  id: string;
  lease: TopicLease;
  feed: ProgressFeed;
  session: SocketSession;
  /** The cursor to resume after; undefined: start with the current state. */
  after: number | undefined;
  /** The `next` message payload for an entry, as UTF-8 JSON (shared by subscribers who render alike). */
  payload(entry: FeedEntry): Buffer | Promise<Buffer>;
  /** The meeting's retained events from the start, for a cursor older than the topic's memory. */
  history(): AsyncGenerator<StreamEvent>;
  settings: StreamSettings;
}

/**
 * One subscription: a reader of its meeting topic's log at its own position. It writes its `next`
 * messages to the socket itself, one at a time (the next once the previous is handed to the
 * kernel), so a slow client simply falls behind in the shared log, which costs no copy per
 * subscriber; once live and `mergeAfterMs` behind, superseded progress is skipped, and when the
 * socket owes more than its backlog allows it is closed (the client resumes from its last cursor).
 * A replay from a cursor delivers every entry at the client's pace.
 *
 * To graphql-ws it is the async iterator of the operation: it yields nothing and settles when the
 * stream ends, after a terminal entry (graphql-ws then sends `complete`), on `return()` (the client
 * unsubscribed or left), or by throwing NOT_FOUND when the subscriber loses sight of the meeting.
 * Writing directly spares each delivery graphql-ws's per-message promise chain and JSON encoding.
 */
export class SubscriptionStream implements AsyncGenerator<never>, TopicSubscriber, Backlog {
  readonly feed: ProgressFeed;
  readonly user: AuthenticatedUser;
  readonly scope: string;
  /** Entries skipped because a later one of the same run superseded them. */
  merged = 0;
  /** Resolves once the subscription has ended, however it ended. */
  readonly closed: Promise<void>;
  private markClosed!: () => void;
  private readonly outcome: Promise<IteratorResult<never>>;
  private settle!: { resolve: (result: IteratorResult<never>) => void; reject: (error: unknown) => void };
  private readonly prefix: Buffer;
  private sending: FeedEntry | undefined;
  private readonly sent = (error?: Error | null) => this.afterWrite(error);
  private position = 0;
  private lastSeq: number;
  private first: FeedEntry | undefined;
  private started = false;
  private live = false;
  private finished = false;
  /** A message, a render or a replay read is under way: nothing else is sent until it is done. */
  private busy = false;
  private pumping = false;
  private replay?: AsyncGenerator<FeedEntry>;

  constructor(private readonly source: StreamSource) {
    this.feed = source.feed;
    this.user = source.session.user;
    this.scope = source.session.scope;
    this.lastSeq = source.after ?? 0;
    this.prefix = Buffer.from(`{"id":${JSON.stringify(source.id)},"type":"next","payload":`);
    this.closed = new Promise((resolve) => (this.markClosed = resolve));
    this.outcome = new Promise((resolve, reject) => (this.settle = { resolve, reject }));
    // graphql-ws reads the outcome only once it has the iterator; a failure before that is not lost.
    this.outcome.catch(() => undefined);
    source.lease.topic.attach(this);
    source.session.subscriptions.add(this);
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  /** graphql-ws starts draining: delivery begins. Settles when the stream ends. */
  next(): Promise<IteratorResult<never>> {
    if (!this.started && !this.finished) {
      this.started = true;
      this.begin();
      this.pump();
    }
    return this.outcome;
  }

  async return(): Promise<IteratorResult<never>> {
    this.finish();
    return { value: undefined, done: true };
  }

  async throw(error: unknown): Promise<IteratorResult<never>> {
    this.finish();
    throw error;
  }

  appended(): void {
    if (!this.started || this.finished) return;
    if (!this.busy) this.pump();
    else if (this.live) this.source.session.checkBacklog();
  }

  revoke(): void {
    this.fail(meetingNotFound());
  }

  owed(): number {
    return this.live && !this.replay ? this.log.fixedFrom(this.position) : 0;
  }

  private get log(): FeedLog {
    return this.source.lease.topic.log(this.feed);
  }

  /** Where reading starts; without a cursor, the current state goes first. */
  private begin(): void {
    if (this.source.after === undefined) {
      const { current, position } = this.source.lease.topic.snapshot(this.feed);
      this.position = position;
      this.first = current;
      return;
    }
    const log = this.log;
    if (this.source.after < log.droppedThroughSeq) this.startReplay();
    else this.position = log.positionAfter(this.source.after);
  }

  private pump(): void {
    if (this.pumping) return;
    this.pumping = true;
    try {
      while (!this.busy && !this.finished) {
        const first = this.first;
        if (first) {
          this.first = undefined;
          this.deliver(first);
          continue;
        }
        if (this.replay) {
          this.readReplay(this.replay);
          return;
        }
        const log = this.log;
        if (this.position < log.start) {
          this.startReplay();
          continue;
        }
        const entry = this.take(log);
        if (!entry) {
          this.live = true;
          return;
        }
        this.deliver(entry);
      }
    } finally {
      this.pumping = false;
    }
  }

  private take(log: FeedLog): FeedEntry | undefined {
    while (this.position < log.end) {
      const entry = log.at(this.position)!;
      this.position += 1;
      if (entry.seq <= this.lastSeq) continue;
      // Only a live subscriber that fell behind merges; a replay (a resume) gets every entry.
      if (this.live && entry.mergeable && log.ageOf(this.position - 1) >= this.source.settings.mergeAfterMs) {
        const next = log.at(this.position);
        if (next && next.runId === entry.runId) {
          this.merged += 1;
          continue;
        }
      }
      return entry;
    }
    return undefined;
  }

  private deliver(entry: FeedEntry): void {
    this.busy = true;
    this.lastSeq = entry.seq;
    const payload = this.source.payload(entry);
    if (payload instanceof Promise) {
      payload.then(
        (bytes) => this.write(entry, bytes),
        (error: unknown) => this.fail(error),
      );
    } else {
      this.write(entry, payload);
    }
  }

  private write(entry: FeedEntry, payload: Buffer): void {
    if (this.finished) return;
    this.sending = entry;
    this.source.session.send([this.prefix, payload, CLOSING_BRACE], this.sent);
  }

  private afterWrite(error?: Error | null): void {
    const entry = this.sending;
    this.sending = undefined;
    this.busy = false;
    if (error || entry?.terminal) this.finish();
    else this.pump();
  }

  private startReplay(): void {
    const { feed } = this;
    const events = this.source.history();
    this.replay = (async function* () {
      const state = feed.initialState();
      for await (const event of events) {
        const entry = feed.apply(state, event);
        if (entry) yield entry;
      }
    })();
  }

  /** Replays from the stream until the topic's memory covers what comes next. */
  private readReplay(replay: AsyncGenerator<FeedEntry>): void {
    this.busy = true;
    replay.next().then(
      ({ value, done }) => {
        this.busy = false;
        if (this.finished) return;
        const log = this.log;
        if (done || value.seq > log.droppedThroughSeq) {
          this.replay = undefined;
          void replay.return(undefined);
          this.position = log.positionAfter(done ? this.lastSeq : value.seq);
        }
        if (!done && value.seq > this.lastSeq) this.first = value;
        this.pump();
      },
      (error: unknown) => this.fail(error),
    );
  }

  private fail(error: unknown): void {
    if (this.finished) return;
    this.settle.reject(error);
    this.finish();
  }

  private finish(): void {
    if (this.finished) return;
    this.finished = true;
    this.source.lease.topic.detach(this);
    this.source.lease.release();
    this.source.session.subscriptions.delete(this);
    void this.replay?.return(undefined);
    this.settle.resolve({ value: undefined, done: true });
    this.markClosed();
  }
}
