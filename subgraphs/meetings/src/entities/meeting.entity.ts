import { randomUUID } from 'node:crypto';
import { ArrayType, Cascade, Collection, OptionalProps, type Rel } from '@mikro-orm/core';
import { Entity, Enum, OneToMany, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { MeetingPlatform } from '../domain/meeting-platform.js';
import { MeetingStatus } from '../domain/meeting-status.js';
import { ParticipantEntity } from './participant.entity.js';

@Entity({ tableName: 'meeting' })
export class MeetingEntity {
  [OptionalProps]?:
    | 'createdAt'
    | 'updatedAt'
    | 'failureReason'
    | 'language'
    | 'scheduledAt'
    | 'joinUrl'
    | 'version'
    | 'currentTranscriptId'
    | 'currentReportId'
    | 'vocabulary';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'text' })
  ownerId!: string;

  @Property({ type: 'text' })
  title!: string;

  @Enum({ items: () => MeetingStatus })
  status!: MeetingStatus;

  @Property({ type: 'text', nullable: true })
  language: string | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  scheduledAt: Date | null = null;

  @Property({ type: 'text', nullable: true })
  joinUrl: string | null = null;

  @Enum({ items: () => MeetingPlatform })
  platform!: MeetingPlatform;

  @Property({ type: 'text', nullable: true })
  failureReason: string | null = null;

  /**
   * Incremented in the transaction of every change (optimistic lock) and carried by `meeting.*`
   * events, so other services' copies apply only newer states.
   */
  @Property({ type: 'integer', version: true })
  version: number = 1;

  /** Names and terms the speech engine should expect. */
  @Property({ type: new ArrayType() })
  vocabulary: string[] = [];

  /** The transcription run the meeting follows; events of superseded runs do not move it. */
  @Property({ type: 'uuid', nullable: true })
  currentTranscriptId: string | null = null;

  /** The report run the meeting follows. */
  @Property({ type: 'uuid', nullable: true })
  currentReportId: string | null = null;

  /** The meeting's time for listing and date filters: when it is scheduled, else when it was created. */
  @Property({ type: 'timestamptz' })
  occursAt!: Date;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date = new Date();

  @OneToMany(() => ParticipantEntity, (participant) => participant.meeting, {
    cascade: [Cascade.ALL],
    orphanRemoval: true,
    orderBy: { email: 'asc' },
  })
  participants = new Collection<Rel<ParticipantEntity>>(this);
}
