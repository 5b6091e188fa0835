import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { OptionalProps } from '@mikro-orm/core';

/** Ids of consumed events: a redelivered event is recognised and skipped (idempotent consumers). */
@Entity({ tableName: 'processed_event' })
export class ProcessedEvent {
  [OptionalProps]?: 'processedAt';

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'text' })
  kind!: string;

  @Property({ type: 'timestamptz' })
  processedAt: Date = new Date();
}
