import type { ExecutionResult } from 'graphql';
import type { AuthenticatedUser } from '@mymeet/auth';
import type { FeedLog } from './feed-log.js';
import type { FeedEntry, ProgressFeed, StreamEvent } from './feeds/progress-feed.js';
import type { TopicSubscriber } from './meeting-topic.js';
import type { Backlog, SocketSession } from './socket-session.js';
import { meetingNotFound } from './subscription-errors.js';
import type { TopicLease } from './topic-registry.js';

export interface StreamSettings {
  /**
   * A live subscription whose next entry has waited this long (ms) is slow: it skips progress a
   * later entry of the same run supersedes. A fast client drains a burst long before.
   */
  mergeAfterMs: number;
}

export interface StreamSource {
  lease: TopicLease;
  feed: ProgressFeed;
  session: SocketSession;
  /** The cursor to resume after; undefined: start with the current state. */
  after: number | undefined;
  render(entry: FeedEntry): Promise<ExecutionResult> | ExecutionResult;
  /** The meeting's retained events from the start, for a cursor older than the topic's memory. */
  history(): AsyncGenerator<StreamEvent>;
  settings: StreamSettings;
}

/**
 * One subscription: a reader of its meeting topic's log at its own position, handed to graphql-ws
 * as the async iterator it drains. graphql-ws asks for the next payload only once the previous one
 * is written to the socket, so a slow client simply falls behind in the shared log (no copy per
 * subscriber): once live and `mergeAfterMs` behind, superseded progress is skipped, and when
 * the socket owes more than its backlog allows it is closed (the client resumes from its last
 * cursor); a replay from a cursor delivers every entry at the client's pace. Ends
 * after a terminal entry, on `return()` (client unsubscribed or left), or with NOT_FOUND when the
 * subscriber loses sight of the meeting.
 */
export class SubscriptionStream implements AsyncGenerator<ExecutionResult>, TopicSubscriber, Backlog {
  readonly feed: ProgressFeed;
  readonly user: AuthenticatedUser;
  readonly scope: string;
  /** Entries skipped because a later one of the same run superseded them. */
  merged = 0;
  /** Resolves once the subscription has ended, however it ended. */
  readonly closed: Promise<void>;
  private markClosed!: () => void;
  private position = 0;
  private lastSeq: number;
  private started = false;
  private live = false;
  private finished = false;
  private revoked = false;
  private wake?: () => void;
  private replay?: AsyncGenerator<FeedEntry>;

  constructor(private readonly source: StreamSource) {
    this.feed = source.feed;
    this.user = source.session.user;
    this.scope = source.session.scope;
    this.lastSeq = source.after ?? 0;
    this.closed = new Promise((resolve) => (this.markClosed = resolve));
    source.lease.topic.attach(this);
    source.session.subscriptions.add(this);
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  async next(): Promise<IteratorResult<ExecutionResult>> {
    try {
      const entry = await this.nextEntry();
      if (!entry) return this.end();
      this.lastSeq = entry.seq;
      const value = await this.source.render(entry);
      if (entry.terminal) this.finish();
      return { value, done: false };
    } catch (error) {
      this.finish();
      throw error;
    }
  }

  async return(): Promise<IteratorResult<ExecutionResult>> {
    return this.end();
  }

  async throw(error: unknown): Promise<IteratorResult<ExecutionResult>> {
    this.finish();
    throw error;
  }

  appended(): void {
    const wake = this.wake;
    if (wake) {
      this.wake = undefined;
      wake();
    } else if (this.live) {
      this.source.session.checkBacklog();
    }
  }

  revoke(): void {
    this.revoked = true;
    this.appended();
  }

  owed(): number {
    return this.live && !this.replay ? this.log.fixedFrom(this.position) : 0;
  }

  private get log(): FeedLog {
    return this.source.lease.topic.log(this.feed);
  }

  private async nextEntry(): Promise<FeedEntry | undefined> {
    if (!this.started) {
      this.started = true;
      const first = this.begin();
      if (first) return first;
    }
    for (;;) {
      if (this.revoked) throw meetingNotFound();
      if (this.finished) return undefined;
      const log = this.log;
      if (this.replay) {
        const entry = await this.fromReplay(log);
        if (entry) return entry;
        continue;
      }
      if (this.position < log.start) {
        this.startReplay();
        continue;
      }
      const entry = this.take(log);
      if (entry) return entry;
      this.live = true;
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }

  /** Where reading starts; without a cursor, the current state comes first. */
  private begin(): FeedEntry | undefined {
    const { topic } = this.source.lease;
    if (this.source.after === undefined) {
      const { current, position } = topic.snapshot(this.feed);
      this.position = position;
      return current;
    }
    const log = this.log;
    if (this.source.after < log.droppedThroughSeq) this.startReplay();
    else this.position = log.positionAfter(this.source.after);
    return undefined;
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
  private async fromReplay(log: FeedLog): Promise<FeedEntry | undefined> {
    const replay = this.replay!;
    const { value, done } = await replay.next();
    if (done || value.seq > log.droppedThroughSeq) {
      this.replay = undefined;
      await replay.return(undefined);
      this.position = log.positionAfter(done ? this.lastSeq : value.seq);
    }
    return !done && value.seq > this.lastSeq ? value : undefined;
  }

  private end(): IteratorResult<ExecutionResult> {
    this.finish();
    return { value: undefined, done: true };
  }

  private finish(): void {
    if (this.finished) return;
    this.finished = true;
    this.source.lease.topic.detach(this);
    this.source.lease.release();
    this.source.session.subscriptions.delete(this);
    void this.replay?.return(undefined);
    this.appended();
    this.markClosed();
  }
}
