import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from '@mymeet/core';
import { OutboxEvent } from './outbox-event.entity.js';

/** Anything that can publish a raw envelope under a subject with a deduplication id (JetStream does). */
export type RawPublish = (subject: string, data: string, messageId: string) => Promise<void>;

/**
 * Publishes committed outbox events in order. `kick()` after a commit publishes at once; the poll
 * catches what a crash or an outage left behind. JetStream drops a re-publish of the same id.
 */
export class OutboxRelay {
  private timer?: NodeJS.Timeout;
  private running: Promise<void> | undefined;
  private again = false;

  constructor(
    private readonly orm: MikroORM,
    private readonly publish: RawPublish,
    private readonly logger: Logger,
    private readonly pollMs = 1_000,
  ) {}

  start(): void {
    this.timer = setInterval(() => void this.kick(), this.pollMs);
    this.timer.unref();
    void this.kick();
  }

  /** Publishes pending events now; concurrent kicks coalesce into one more pass. */
  kick(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.drain()
      .catch((error: unknown) => this.logger.warn({ err: error }, 'outbox relay pass failed; will retry'))
      .finally(() => {
        this.running = undefined;
        if (this.again) {
          this.again = false;
          void this.kick();
        }
      });
    return this.running;
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  private async drain(): Promise<void> {
    const em = this.orm.em.fork();
    for (;;) {
      const batch = await em.find(
        OutboxEvent,
        { publishedAt: null },
        { orderBy: { createdAt: 'asc', id: 'asc' }, limit: 100 },
      );
      if (batch.length === 0) return;
      for (const event of batch) {
        event.attempts += 1;
        await this.publish(event.subject, JSON.stringify(event.envelope), event.id);
        event.publishedAt = new Date();
        await em.flush();
      }
    }
  }
}
