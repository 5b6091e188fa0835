import { randomUUID } from 'node:crypto';
import { OptionalProps } from '@mikro-orm/core';
import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import type { CitedText } from '@mymeet/contracts';
import { ReportStatus, ReportTemplate, ReportTrigger } from '../domain/report-vocabulary.js';

/**
 * One report run of a meeting (a version): regenerating adds a row and never touches older ones.
 * The structured result is stored as the worker produced it; decisions and action items live in
 * report_item rows so their status can be tracked across versions.
 */
@Entity({ tableName: 'report' })
@Index({ properties: ['meetingId', 'version'] })
export class ReportEntity {
  [OptionalProps]?:
    | 'instructions'
    | 'requestedBy'
    | 'progress'
    | 'model'
    | 'language'
    | 'summary'
    | 'summarySegments'
    | 'keyPoints'
    | 'topics'
    | 'attendees'
    | 'agenda'
    | 'markdown'
    | 'failureReason'
    | 'createdAt'
    | 'startedAt'
    | 'completedAt'
    | 'updatedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  meetingId!: string;

  @Property({ type: 'uuid' })
  transcriptId!: string;

  /** 1 for the meeting's first report, +1 for each one after. */
  @Property({ type: 'integer' })
  version!: number;

  @Enum({ items: () => ReportTemplate })
  template!: ReportTemplate;

  @Property({ type: 'text', nullable: true })
  instructions: string | null = null;

  @Enum({ items: () => ReportTrigger })
  trigger!: ReportTrigger;

  /** Who asked for it (`sub`); null for the report made when the transcript completed. */
  @Property({ type: 'text', nullable: true })
  requestedBy: string | null = null;

  @Enum({ items: () => ReportStatus })
  status: ReportStatus = ReportStatus.QUEUED;

  @Property({ type: 'double' })
  progress: number = 0;

  @Property({ type: 'text', nullable: true })
  model: string | null = null;

  @Property({ type: 'text', nullable: true })
  language: string | null = null;

  @Property({ type: 'text', nullable: true })
  summary: string | null = null;

  @Property({ type: 'json' })
  summarySegments: number[] = [];

  @Property({ type: 'json' })
  keyPoints: CitedText[] = [];

  @Property({ type: 'json' })
  topics: CitedText[] = [];

  @Property({ type: 'json' })
  attendees: string[] = [];

  @Property({ type: 'json' })
  agenda: string[] = [];

  @Property({ type: 'text', nullable: true })
  markdown: string | null = null;

  @Property({ type: 'text', nullable: true })
  failureReason: string | null = null;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz', nullable: true })
  startedAt: Date | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  completedAt: Date | null = null;

  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
