import type { Logger } from '@mymeet/core';
import type { ProgressFeed } from './feeds/progress-feed.js';
import type { FollowedMeeting, MeetingEventHandlers } from './meeting-event-stream.js';
import { MeetingTopic, type MeetingAccess } from './meeting-topic.js';

export interface TopicLease {
  topic: MeetingTopic;
  release(): void;
}

export interface TopicRegistryOptions {
  feeds: Iterable<ProgressFeed>;
  access: MeetingAccess;
  follow: (meetingId: string, handlers: MeetingEventHandlers) => Promise<FollowedMeeting>;
  /** Entries kept in memory per meeting and feed. */
  logCapacity: number;
  /** How long a topic nobody reads stays, so a reconnecting client finds its history warm. */
  lingerMs: number;
  logger: Logger;
}

interface Held {
  topic: MeetingTopic;
  started: Promise<void>;
  leases: number;
  linger?: NodeJS.Timeout;
}

/** The meeting topics of this gateway instance: one per meeting anyone watches, shared by all its subscribers. */
export class TopicRegistry {
  private readonly topics = new Map<string, Held>();
  private stopping = false;

  constructor(private readonly options: TopicRegistryOptions) {}

  get size(): number {
    return this.topics.size;
  }

  async acquire(meetingId: string): Promise<TopicLease> {
    if (this.stopping) throw new Error('Shutting down');
    let held = this.topics.get(meetingId);
    if (!held) {
      const topic = new MeetingTopic(
        meetingId,
        this.options.feeds,
        this.options.access,
        this.options.logCapacity,
        this.options.logger,
      );
      const created: Held = {
        topic,
        leases: 0,
        started: topic.start((handlers) => this.options.follow(meetingId, handlers)),
      };
      created.started.catch(() => {
        if (this.topics.get(meetingId) === created) this.topics.delete(meetingId);
      });
      this.topics.set(meetingId, created);
      held = created;
    }
    held.leases += 1;
    clearTimeout(held.linger);
    try {
      await held.started;
    } catch (error) {
      held.leases -= 1;
      throw error;
    }
    let released = false;
    const owner = held;
    return {
      topic: held.topic,
      release: () => {
        if (released) return;
        released = true;
        this.release(meetingId, owner);
      },
    };
  }

  async stopAll(): Promise<void> {
    this.stopping = true;
    const held = [...this.topics.values()];
    this.topics.clear();
    await Promise.all(
      held.map(async (entry) => {
        clearTimeout(entry.linger);
        await entry.started.then(() => entry.topic.stop()).catch(() => undefined);
      }),
    );
  }

  private release(meetingId: string, held: Held): void {
    held.leases -= 1;
    if (held.leases > 0) return;
    // A meeting nobody was allowed to watch (a guessed or missing id) is dropped at once.
    const lingerMs = held.topic.everAdmitted ? this.options.lingerMs : 0;
    held.linger = setTimeout(() => {
      if (held.leases > 0 || this.topics.get(meetingId) !== held) return;
      this.topics.delete(meetingId);
      held.topic
        .stop()
        .catch((error: unknown) =>
          this.options.logger.warn({ err: error, meetingId }, 'could not remove a meeting consumer'),
        );
    }, lingerMs);
    held.linger.unref();
  }
}
