import { randomUUID } from 'node:crypto';
import type { Rel } from '@mikro-orm/core';
import { Entity, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { MeetingEntity } from './meeting.entity.js';

@Entity({ tableName: 'participant' })
@Unique({ properties: ['meeting', 'email'] })
@Index({ properties: ['email'] })
export class ParticipantEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => MeetingEntity, { deleteRule: 'cascade' })
  meeting!: Rel<MeetingEntity>;

  @Property({ type: 'text' })
  email!: string;

  @Property({ type: 'text', nullable: true })
  name: string | null = null;
}
