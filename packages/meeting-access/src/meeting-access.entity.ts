import { ArrayType, OptionalProps } from '@mikro-orm/core';
import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/**
 * A service's copy of who may see a meeting, kept from `meeting.*` state events (no service reads
 * the meetings database). A deleted meeting keeps a tombstone so late events cannot revive it.
 */
@Entity({ tableName: 'meeting_access' })
export class MeetingAccessEntity {
  [OptionalProps]?: 'language' | 'deleted' | 'updatedAt' | 'version' | 'vocabulary';

  @PrimaryKey({ type: 'uuid' })
  meetingId!: string;

  @Property({ type: 'text' })
  ownerId!: string;

  /** NFKC-normalised, lower-cased, as the meetings service stores them. */
  @Property({ type: new ArrayType() })
  participantEmails: string[] = [];

  @Property({ type: 'text', nullable: true })
  language: string | null = null;

  /** Names and terms the speech engine should expect. */
  @Property({ type: new ArrayType() })
  vocabulary: string[] = [];

  @Property({ type: 'boolean' })
  deleted: boolean = false;

  /** The meeting's version in the newest event applied: an event with a lower or equal one is stale. */
  @Property({ type: 'integer' })
  version: number = 0;

  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
