import { randomUUID } from 'node:crypto';
import { ArrayType, OptionalProps } from '@mikro-orm/core';
import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { DeliveryStatus } from '../domain/report-vocabulary.js';

/** One `sendReport`: who asked, to whom, every attempt's outcome. */
@Entity({ tableName: 'report_delivery' })
@Index({ properties: ['reportId', 'createdAt'] })
export class ReportDeliveryEntity {
  [OptionalProps]?:
    | 'status'
    | 'attempts'
    | 'accepted'
    | 'rejected'
    | 'messageId'
    | 'error'
    | 'createdAt'
    | 'sentAt'
    | 'updatedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  reportId!: string;

  @Property({ type: 'uuid' })
  meetingId!: string;

  @Property({ type: 'text' })
  requestedBy!: string;

  @Property({ type: new ArrayType() })
  recipients!: string[];

  @Enum({ items: () => DeliveryStatus })
  status: DeliveryStatus = DeliveryStatus.PENDING;

  @Property({ type: 'integer' })
  attempts: number = 0;

  /** Addresses the SMTP server accepted, and refused. */
  @Property({ type: new ArrayType() })
  accepted: string[] = [];

  @Property({ type: new ArrayType() })
  rejected: string[] = [];

  @Property({ type: 'text', nullable: true })
  messageId: string | null = null;

  /** The last attempt's failure, in words. */
  @Property({ type: 'text', nullable: true })
  error: string | null = null;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz', nullable: true })
  sentAt: Date | null = null;

  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
