import { ArrayType, OptionalProps } from '@mikro-orm/core';
import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/**
 * Media's copy of who may see a meeting, kept from `meeting.*` events (media never reads the
 * meetings database). A deleted meeting keeps a tombstone so late events cannot revive it.
 */
@Entity({ tableName: 'meeting_access' })
export class MeetingAccessEntity {
  [OptionalProps]?: 'language' | 'deleted' | 'updatedAt';

  @PrimaryKey({ type: 'uuid' })
  meetingId!: string;

  @Property({ type: 'text' })
  ownerId!: string;

  @Property({ type: new ArrayType() })
  participantEmails: string[] = [];

  @Property({ type: 'text', nullable: true })
  language: string | null = null;

  @Property({ type: 'boolean' })
  deleted: boolean = false;

  /** `occurredAt` of the newest event applied: an older one arriving late is ignored. */
  @Property({ type: 'timestamptz' })
  eventAt!: Date;

  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
