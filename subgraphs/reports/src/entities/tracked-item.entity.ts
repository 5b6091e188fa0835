import { randomUUID } from 'node:crypto';
import { OptionalProps } from '@mikro-orm/core';
import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { ReportItemKind, ReportItemStatus } from '../domain/report-vocabulary.js';

/**
 * A decision or action item of a meeting, across its report versions: its id is the stable id
 * clients see, and its status (open/done) is the owner's, kept when a new version still has it.
 */
@Entity({ tableName: 'tracked_item' })
@Index({ properties: ['meetingId', 'kind'] })
export class TrackedItemEntity {
  [OptionalProps]?: 'status' | 'statusChangedBy' | 'statusChangedAt' | 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  meetingId!: string;

  @Enum({ items: () => ReportItemKind })
  kind!: ReportItemKind;

  @Enum({ items: () => ReportItemStatus })
  status: ReportItemStatus = ReportItemStatus.OPEN;

  /** Words of the latest wording (see item-matching), to recognise the item in the next version. */
  @Property({ type: 'json' })
  signature!: string[];

  /** What the latest wording cited, and in which transcript. */
  @Property({ type: 'json' })
  segments!: number[];

  @Property({ type: 'uuid' })
  transcriptId!: string;

  @Property({ type: 'text', nullable: true })
  statusChangedBy: string | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  statusChangedAt: Date | null = null;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();
}
