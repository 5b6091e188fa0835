import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { OptionalProps } from '@mikro-orm/core';

/**
 * An event written in the same transaction as the state change it announces (transactional outbox),
 * so a crash between commit and publish cannot lose it. The relay publishes and marks it.
 */
@Entity({ tableName: 'outbox_event' })
export class OutboxEvent {
  [OptionalProps]?: 'createdAt' | 'publishedAt' | 'attempts' | 'aggregateId';

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'text' })
  subject!: string;

  @Property({ type: 'jsonb' })
  envelope!: Record<string, unknown>;

  /** Rows of one aggregate (a meeting) are published in `seq` order; null means no ordering needed. */
  @Property({ type: 'text', nullable: true })
  aggregateId?: string | null = null;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz', nullable: true })
  publishedAt?: Date | null = null;

  @Property({ type: 'integer' })
  attempts: number = 0;
}
