import { randomUUID } from 'node:crypto';
import { OptionalProps } from '@mikro-orm/core';
import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { ReportItemKind } from '../domain/report-vocabulary.js';

/** A decision or action item as one report version words it; `itemId` is the tracked item it belongs to. */
@Entity({ tableName: 'report_item' })
@Index({ properties: ['reportId', 'kind', 'position'] })
@Index({ properties: ['itemId'] })
export class ReportItemEntity {
  [OptionalProps]?: 'owner' | 'dueDate' | 'dueDateText';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  reportId!: string;

  @Enum({ items: () => ReportItemKind })
  kind!: ReportItemKind;

  @Property({ type: 'integer' })
  position!: number;

  @Property({ type: 'uuid' })
  itemId!: string;

  @Property({ type: 'text' })
  text!: string;

  @Property({ type: 'text', nullable: true })
  owner: string | null = null;

  @Property({ type: 'text', nullable: true })
  dueDate: string | null = null;

  @Property({ type: 'text', nullable: true })
  dueDateText: string | null = null;

  @Property({ type: 'json' })
  segments!: number[];
}
