import type { AuthenticatedUser } from '@mymeet/auth';
import type { Logger } from '@mymeet/core';
import { FeedLog } from './feed-log.js';
import type { FeedEntry, ProgressFeed, StreamEvent } from './feeds/progress-feed.js';
import type { FollowedMeeting, MeetingEventHandlers } from './meeting-event-stream.js';

/** A subscription as its meeting's topic sees it. */
export interface TopicSubscriber {
  readonly feed: ProgressFeed;
  readonly user: AuthenticatedUser;
  readonly scope: string;
  /** A new entry is in the feed's log. */
  appended(): void;
  /** The subscriber may no longer see the meeting. */
  revoke(): void;
}

/** Whether a user may see a meeting, asked of the federated graph (the same rule as queries). */
export interface MeetingAccess {
  isVisible(meetingId: string, user: AuthenticatedUser): Promise<boolean>;
}

interface Channel {
  feed: ProgressFeed;
  log: FeedLog;
  state: unknown;
  subscribers: Set<TopicSubscriber>;
  current?: { end: number; entry: FeedEntry | undefined };
}

const ACCESS_EVENTS = new Set(['meeting.updated', 'meeting.deleted']);

/**
 * Everything this gateway instance streams about one meeting, fed by a single ordered consumer
 * whatever the number of subscribers: the meeting's events become each feed's payloads once, in a
 * log every subscriber reads at its own position. Visibility is asked once per permission scope and
 * asked again whenever the meeting changes (a removed participant is cut off, a deletion ends all).
 */
export class MeetingTopic {
  /** The newest stream sequence applied. */
  headSeq = 0;
  /** Someone may see this meeting: worth keeping warm for a while after its last subscriber left. */
  everAdmitted = false;
  readonly ready: Promise<void>;
  private markReady!: () => void;
  private isReady = false;
  private accessGeneration = 0;
  private readonly visibility = new Map<string, Promise<boolean>>();
  private readonly channels = new Map<ProgressFeed, Channel>();
  private followed?: FollowedMeeting;

  constructor(
    readonly meetingId: string,
    feeds: Iterable<ProgressFeed>,
    private readonly access: MeetingAccess,
    logCapacity: number,
    private readonly logger: Logger,
  ) {
    this.ready = new Promise((resolve) => (this.markReady = resolve));
    for (const feed of feeds) {
      this.channels.set(feed, {
        feed,
        log: new FeedLog(logCapacity),
        state: feed.initialState(),
        subscribers: new Set(),
      });
    }
  }

  async start(follow: (handlers: MeetingEventHandlers) => Promise<FollowedMeeting>): Promise<void> {
    this.followed = await follow({
      onEvent: (event) => this.apply(event),
      onCaughtUp: () => {
        this.isReady = true;
        this.markReady();
      },
    });
  }

  async stop(): Promise<void> {
    await this.followed?.stop();
  }

  get subscriberCount(): number {
    let count = 0;
    for (const channel of this.channels.values()) count += channel.subscribers.size;
    return count;
  }

  log(feed: ProgressFeed): FeedLog {
    return this.channel(feed).log;
  }

  /** The feed's current state as one entry (undefined before its first event) and where live entries start. */
  snapshot(feed: ProgressFeed): { current: FeedEntry | undefined; position: number } {
    const channel = this.channel(feed);
    const end = channel.log.end;
    if (channel.current?.end !== end) channel.current = { end, entry: channel.feed.current(channel.state) };
    return { current: channel.current.entry, position: end };
  }

  /**
   * Whether the user may see the meeting now, once the history is read. A change of the meeting
   * while the answer was on its way asks again, so no subscriber is admitted on a stale answer.
   */
  async admits(user: AuthenticatedUser, scope: string): Promise<boolean> {
    await this.ready;
    for (;;) {
      const generation = this.accessGeneration;
      const visible = await this.visibleTo(user, scope);
      if (generation !== this.accessGeneration) continue;
      if (visible) this.everAdmitted = true;
      return visible;
    }
  }

  attach(subscriber: TopicSubscriber): void {
    this.channel(subscriber.feed).subscribers.add(subscriber);
  }

  detach(subscriber: TopicSubscriber): void {
    this.channel(subscriber.feed).subscribers.delete(subscriber);
  }

  private apply(event: StreamEvent): void {
    if (event.seq <= this.headSeq) return;
    this.headSeq = event.seq;
    if (ACCESS_EVENTS.has(event.kind) && this.isReady) this.accessChanged(event.kind === 'meeting.deleted');
    for (const channel of this.channels.values()) {
      const entry = channel.feed.apply(channel.state, event);
      if (!entry) continue;
      channel.log.append(entry);
      for (const subscriber of channel.subscribers) subscriber.appended();
    }
  }

  private accessChanged(deleted: boolean): void {
    this.accessGeneration += 1;
    this.visibility.clear();
    const byScope = new Map<string, TopicSubscriber[]>();
    for (const channel of this.channels.values()) {
      for (const subscriber of channel.subscribers) {
        if (deleted) subscriber.revoke();
        else byScope.set(subscriber.scope, [...(byScope.get(subscriber.scope) ?? []), subscriber]);
      }
    }
    for (const [scope, subscribers] of byScope) {
      this.visibleTo(subscribers[0]!.user, scope).then(
        (visible) => {
          if (!visible) for (const subscriber of subscribers) subscriber.revoke();
        },
        (error: unknown) =>
          this.logger.error({ err: error, meetingId: this.meetingId }, 'visibility recheck failed'),
      );
    }
  }

  private visibleTo(user: AuthenticatedUser, scope: string): Promise<boolean> {
    let answer = this.visibility.get(scope);
    if (!answer) {
      answer = this.access.isVisible(this.meetingId, user);
      this.visibility.set(scope, answer);
      answer.catch(() => {
        if (this.visibility.get(scope) === answer) this.visibility.delete(scope);
      });
    }
    return answer;
  }

  private channel(feed: ProgressFeed): Channel {
    const channel = this.channels.get(feed);
    if (!channel) throw new Error(`No ${feed.field} feed on this topic`);
    return channel;
  }
}
