import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from '@mymeet/core';
import { claimOutboxBatch, markPublished, pruneOutbox, recordPublishFailure } from './outbox-rows.js';

/** Anything that can publish a raw envelope under a subject with a deduplication id (JetStream does). */
export type RawPublish = (subject: string, data: string, messageId: string) => Promise<void>;

export interface OutboxRelayOptions {
  pollMs?: number;
  /** Rows claimed per transaction. */
  batchSize?: number;
  /** Failed publishes of one row before it is set aside (with its error) so the rows behind it move on. */
  maxAttempts?: number;
  /** Published rows are deleted after this long. */
  publishedRetentionMs?: number;
  /** Processed-event ids are forgotten after this long; keep it above the EVENTS stream's retention. */
  processedRetentionMs?: number;
  pruneEveryMs?: number;
  /** False while NATS is disconnected: a pass then waits instead of counting failures against rows. */
  isConnected?: () => boolean;
}

export interface OutboxRelayStats {
  published: number;
  failedAttempts: number;
  setAside: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Publishes committed outbox events. Any number of relays (one per replica) drain the same table:
 * each claims a bounded batch with `FOR UPDATE SKIP LOCKED`, publishes in sequence order, and never
 * overtakes an earlier unpublished row of the same aggregate held by another relay. `kick()` after
 * a commit publishes at once; the poll catches what a crash or an outage left behind. JetStream
 * drops a re-publish of the same id.
 */
export class OutboxRelay {
  readonly stats: OutboxRelayStats = { published: 0, failedAttempts: 0, setAside: 0 };
  private timer?: NodeJS.Timeout;
  private running: Promise<void> | undefined;
  private again = false;
  private lastPruneAt = 0;
  private readonly options: Required<OutboxRelayOptions>;

  constructor(
    private readonly orm: MikroORM,
    private readonly publish: RawPublish,
    private readonly logger: Logger,
    options: OutboxRelayOptions = {},
  ) {
    this.options = {
      pollMs: 1_000,
      batchSize: 100,
      maxAttempts: 10,
      publishedRetentionMs: DAY_MS,
      processedRetentionMs: 30 * DAY_MS,
      pruneEveryMs: 10 * 60_000,
      isConnected: () => true,
      ...options,
    };
  }

  start(): void {
    this.timer = setInterval(() => void this.kick(), this.options.pollMs);
    this.timer.unref();
    void this.kick();
  }

  /** Publishes pending events now; concurrent kicks coalesce into one more pass. */
  kick(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.pass()
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
    this.again = false;
    await this.running;
  }

  private async pass(): Promise<void> {
    // A full batch means more may wait; a batch wholly held back by other relays ends the pass (the
    // poll or the next kick resumes it) instead of spinning while they work.
    for (;;) {
      if (!this.options.isConnected()) break;
      const { claimed, published } = await this.drainBatch();
      if (claimed < this.options.batchSize || published === 0) break;
    }
    if (Date.now() - this.lastPruneAt >= this.options.pruneEveryMs) {
      this.lastPruneAt = Date.now();
      await pruneOutbox(this.orm.em.fork(), this.options);
    }
  }

  /** One transaction: claim, publish in order, record. */
  private async drainBatch(): Promise<{ claimed: number; published: number }> {
    return this.orm.em.fork().transactional(async (tx) => {
      const { rows, claimed } = await claimOutboxBatch(tx, this.options.batchSize);
      const published: string[] = [];
      const stalled = new Set<string>();
      for (const row of rows) {
        if (row.aggregateId !== null && stalled.has(row.aggregateId)) continue;
        try {
          await this.publish(row.subject, JSON.stringify(row.envelope), row.id);
          published.push(row.id);
        } catch (error) {
          if (!this.options.isConnected()) break; // an outage is nobody's fault: no attempt counted
          if (row.aggregateId !== null) stalled.add(row.aggregateId);
          this.stats.failedAttempts += 1;
          const setAside = await recordPublishFailure(tx, row, error, this.options.maxAttempts);
          if (setAside) {
            this.stats.setAside += 1;
            this.logger.error(
              { err: error, outboxId: row.id, subject: row.subject, attempts: row.attempts + 1 },
              'outbox row set aside after repeated publish failures',
            );
          }
        }
      }
      await markPublished(tx, published);
      this.stats.published += published.length;
      return { claimed, published: published.length };
    });
  }
}
