import { OptionalProps, PrimaryKeyProp } from '@mikro-orm/core';
import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/**
 * One timed passage of a run, keyed by (transcript, index): a replayed or redelivered segment
 * overwrites its row instead of adding one. `rawText` is what the engine heard; `text` is what
 * users read, exports and search use, changed only by an owner's edit.
 */
@Entity({ tableName: 'transcript_segment' })
export class TranscriptSegmentEntity {
  [PrimaryKeyProp]?: ['transcriptId', 'index'];
  [OptionalProps]?:
    'speaker' | 'speakerLabel' | 'confidence' | 'edited' | 'editedAt' | 'editedBy' | 'attempt';

  @PrimaryKey({ type: 'uuid' })
  transcriptId!: string;

  @PrimaryKey({ type: 'integer' })
  index!: number;

  @Property({ type: 'integer' })
  startMs!: number;

  @Property({ type: 'integer' })
  endMs!: number;

  /** What readers see: the speaker's name once the owner gave one, else the diarizer's label. */
  @Property({ type: 'text', nullable: true })
  speaker: string | null = null;

  /** The diarizer's label (S1, S2…), which names are given to. */
  @Property({ type: 'text', nullable: true })
  speakerLabel: string | null = null;

  @Property({ type: 'text' })
  rawText!: string;

  @Property({ type: 'text' })
  text!: string;

  @Property({ type: 'boolean' })
  edited: boolean = false;

  @Property({ type: 'double', nullable: true })
  confidence: number | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  editedAt: Date | null = null;

  @Property({ type: 'text', nullable: true })
  editedBy: string | null = null;

  /** The job attempt that produced it (0 when the worker does not say). */
  @Property({ type: 'integer' })
  attempt: number = 0;

  /** When the worker produced it: with the attempt, an older version arriving late never overwrites a newer one. */
  @Property({ type: 'timestamptz' })
  occurredAt!: Date;
}
