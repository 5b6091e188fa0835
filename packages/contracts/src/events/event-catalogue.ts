import { z } from 'zod';
import { voiceprintSchema } from './voiceprint.js';
import { reportResultSchema } from './report-result.js';

/** Who may see a meeting: carried on meeting events so other services can authorize without reading its tables. */
const meetingAccess = z.object({ ownerId: z.string().min(1), participantEmails: z.array(z.string()) });

/** What events published before meetings were versioned count as (the STATE stream keeps them for good). */
export const LEGACY_MEETING_VERSION = 0;

/**
 * The meeting's version after the change the event announces (1 when created, +1 per change, the
 * deletion included): consumers apply a lifecycle event only when it is newer than what they hold.
 */
const meetingVersion = z.number().int().nonnegative().default(LEGACY_MEETING_VERSION);

/** When the meeting takes place (its scheduled time, else its creation): what searches filter dates by. */
const meetingTime = z.iso.datetime({ offset: true }).nullish();

/**
 * Which delivery of the `jobs.asr` job produced a worker event (1 on the first; the handler's
 * `attempt`). A redelivered job's segments and completion replace an earlier attempt's, even when
 * the earlier attempt's events arrive later. Optional: without it, the newest event wins.
 */
const jobAttempt = z.number().int().positive().optional();

/** Payload schema of every event kind, by the kind's subject suffix (`events.meeting.<id>.<kind>`). */
export const eventCatalogue = {
  'meeting.created': meetingAccess.extend({
    version: meetingVersion,
    title: z.string(),
    language: z.string().nullish(),
    /** Names and terms the speech engine should expect. */
    vocabulary: z.array(z.string()).optional(),
    occursAt: meetingTime,
  }),
  'meeting.updated': meetingAccess.extend({
    version: meetingVersion,
    title: z.string(),
    language: z.string().nullish(),
    vocabulary: z.array(z.string()).optional(),
    occursAt: meetingTime,
  }),
  'meeting.deleted': z.object({ ownerId: z.string().min(1), version: meetingVersion }),
  'media.ready': z.object({
    mediaId: z.uuid(),
    /** The transcript this recording's transcription job will fill (the transcripts service creates it). */
    transcriptId: z.uuid(),
    language: z.string().nullish(),
    objectKey: z.string(),
    contentType: z.string(),
    byteSize: z.number().int().nonnegative(),
    durationSeconds: z.number().nonnegative(),
  }),
  'media.rejected': z.object({ mediaId: z.uuid(), reason: z.string() }),
  /** A transcription run was created (first upload or `retranscribe`); published by the transcripts service. */
  'transcript.queued': z.object({
    transcriptId: z.uuid(),
    mediaId: z.uuid(),
    language: z.string().nullish(),
  }),
  'transcript.progress': z.object({
    transcriptId: z.uuid(),
    stage: z.enum(['QUEUED', 'DECODING', 'TRANSCRIBING', 'INDEXING', 'COMPLETED', 'FAILED']),
    percent: z.number().min(0).max(100),
    message: z.string().nullish(),
  }),
  'transcript.segment': z.object({
    transcriptId: z.uuid(),
    index: z.number().int().nonnegative(),
    startMs: z.number().int().nonnegative(),
    endMs: z.number().int().nonnegative(),
    speaker: z.string().nullish(),
    text: z.string(),
    confidence: z.number().min(0).max(1).nullish(),
    attempt: jobAttempt,
  }),
  'transcript.completed': z.object({
    transcriptId: z.uuid(),
    engine: z.string(),
    language: z.string().nullish(),
    durationSeconds: z.number().nonnegative(),
    segmentCount: z.number().int().nonnegative(),
    attempt: jobAttempt,
    /**
     * Who the diarizer heard, by the labels the segments carry (`S1`, `S2`…), each with a voiceprint
     * where the diarizer gives one (a later run of the meeting keeps a name for a matching voice).
     */
    speakers: z
      .array(z.object({ label: z.string().regex(/^S[1-9]\d{0,3}$/), voiceprint: voiceprintSchema.nullish() }))
      .max(1_000)
      .nullish(),
  }),
  'transcript.failed': z.object({ transcriptId: z.uuid(), reason: z.string() }),
  /**
   * The transcripts service stored a completed run and it is readable (published after persisting the
   * worker's `transcript.completed`): what moves the meeting to TRANSCRIBED.
   */
  'transcript.ready': z.object({
    transcriptId: z.uuid(),
    segmentCount: z.number().int().nonnegative(),
    wordCount: z.number().int().nonnegative(),
  }),
  /** The owner corrected a segment's text (`editTranscriptSegment`); search re-reads it. */
  'transcript.segment_edited': z.object({
    transcriptId: z.uuid(),
    index: z.number().int().nonnegative(),
  }),
  /** The owner named a speaker of a run (`nameSpeaker`); search re-reads the run's segments. */
  'transcript.speaker_named': z.object({
    transcriptId: z.uuid(),
    label: z.string(),
  }),
  /** A report run was created; later events of other runs of the meeting no longer move it. */
  'report.queued': z.object({ reportId: z.uuid() }),
  /** The report worker's progress on a run. */
  'report.progress': z.object({
    reportId: z.uuid(),
    stage: z.enum(['READING', 'ANALYSING', 'COMBINING', 'RENDERING']),
    percent: z.number().min(0).max(100),
  }),
  /**
   * The worker's result, inline (bounded by REPORT_LIMITS); the reports service stores it, then
   * publishes `report.completed`, so a READY meeting's report is always readable.
   */
  'report.generated': z.object({
    reportId: z.uuid(),
    model: z.string().min(1),
    language: z.string().nullish(),
    result: reportResultSchema,
  }),
  /** Published by the reports service once the result is stored. */
  'report.completed': z.object({ reportId: z.uuid() }),
  'report.failed': z.object({ reportId: z.uuid(), reason: z.string() }),
} as const;

export type EventKind = keyof typeof eventCatalogue;
export type EventPayload<K extends EventKind> = z.output<(typeof eventCatalogue)[K]>;
export const EVENT_KINDS = Object.keys(eventCatalogue) as EventKind[];
