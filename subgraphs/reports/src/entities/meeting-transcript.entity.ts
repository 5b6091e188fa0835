import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/** A completed transcript of a meeting, learnt from `transcript.ready`: what reports are made from. */
@Entity({ tableName: 'meeting_transcript' })
@Index({ properties: ['meetingId', 'readyAt'] })
export class MeetingTranscriptEntity {
  @PrimaryKey({ type: 'uuid' })
  transcriptId!: string;

  @Property({ type: 'uuid' })
  meetingId!: string;

  /** When the transcripts service stored it: the day relative due dates count from. */
  @Property({ type: 'timestamptz' })
  readyAt!: Date;

  @Property({ type: 'integer' })
  segmentCount!: number;

  @Property({ type: 'integer' })
  wordCount!: number;
}
