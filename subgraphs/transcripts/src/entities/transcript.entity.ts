import { OptionalProps } from '@mikro-orm/core';
import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { TranscriptStage, TranscriptStatus } from '../domain/transcript-status.js';

/**
 * One transcription run of a recording. A retranscription is a new run beside the old one, so the
 * old run and its corrections stay readable until the new one completes.
 */
@Entity({ tableName: 'transcript' })
@Index({ properties: ['meetingId', 'createdAt'] })
export class TranscriptEntity {
  [OptionalProps]?:
    | 'language'
    | 'stage'
    | 'percent'
    | 'engine'
    | 'durationSeconds'
    | 'reportedSegmentCount'
    | 'reportedAt'
    | 'reportedAttempt'
    | 'segmentCount'
    | 'wordCount'
    | 'failureReason'
    | 'requestedBy'
    | 'createdAt'
    | 'updatedAt'
    | 'completedAt';

  /** Chosen upstream (media names it in `media.ready`; `retranscribe` here), so events find the run. */
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  meetingId!: string;

  @Property({ type: 'uuid' })
  mediaId!: string;

  /** Where the recording is stored, for a retranscription's job. */
  @Property({ type: 'text' })
  objectKey!: string;

  /** The language asked for (null: the engine's default or detection). */
  @Property({ type: 'text', nullable: true })
  requestedLanguage!: string | null;

  /** The language the engine reports it transcribed, else the one asked for. */
  @Property({ type: 'text', nullable: true })
  language: string | null = null;

  @Enum({ items: () => TranscriptStatus })
  status: TranscriptStatus = TranscriptStatus.QUEUED;

  @Enum({ items: () => TranscriptStage })
  stage: TranscriptStage = TranscriptStage.QUEUED;

  @Property({ type: 'double' })
  percent: number = 0;

  @Property({ type: 'text', nullable: true })
  engine: string | null = null;

  @Property({ type: 'double', nullable: true })
  durationSeconds: number | null = null;

  /** What the worker's `transcript.completed` announced; set while late segments are awaited. */
  @Property({ type: 'integer', nullable: true })
  reportedSegmentCount: number | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  reportedAt: Date | null = null;

  /** The job attempt that reported completion; segments of earlier attempts do not complete the run. */
  @Property({ type: 'integer' })
  reportedAttempt: number = 0;

  /** Stored segments once completed. */
  @Property({ type: 'integer' })
  segmentCount: number = 0;

  /** Words of the current (edited) text; kept up to date by edits. */
  @Property({ type: 'integer' })
  wordCount: number = 0;

  @Property({ type: 'text', nullable: true })
  failureReason: string | null = null;

  /** Who asked for a retranscription (`sub`); null for the run an upload started. */
  @Property({ type: 'text', nullable: true })
  requestedBy: string | null = null;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date = new Date();

  @Property({ type: 'timestamptz', nullable: true })
  completedAt: Date | null = null;
}
