import { randomUUID } from 'node:crypto';
import { z } from 'zod';

export const JOB_SCHEMA_VERSION = 1;

/** Payload schema of every job kind; the subject is `jobs.<kind>`. */
export const jobCatalogue = {
  asr: z.object({
    transcriptId: z.uuid(),
    meetingId: z.uuid(),
    mediaId: z.uuid(),
    objectKey: z.string().min(1),
    language: z.string().nullish(),
    /** From media's probe: lets the worker refuse a recording its disk budget cannot hold before decoding. */
    durationSeconds: z.number().nonnegative().nullish(),
    /** The meeting's names and terms, passed to the speech engine. */
    vocabulary: z.array(z.string().min(1).max(200)).max(1_000).nullish(),
    /** At most this many people speak (the meeting's participants, when known): bounds the diarizer's count. */
    maxSpeakers: z.number().int().min(1).max(1_000).nullish(),
  }),
  /**
   * Make one report run. References only: the worker reads the segments from the transcripts service
   * page by page (`internal.transcripts.segments`), so an hours-long meeting never rides in one message.
   */
  report: z.object({
    reportId: z.uuid(),
    meetingId: z.uuid(),
    transcriptId: z.uuid(),
    template: z.enum(['SUMMARY', 'PROTOCOL', 'ACTION_ITEMS']),
    instructions: z.string().max(2_000).nullish(),
    language: z.string().nullish(),
    /** What relative due dates ("by Friday") count from: when the meeting was transcribed. */
    referenceDate: z.iso.datetime().nullish(),
  }),
  /** E-mail one recorded report delivery; handled by the reports service itself. */
  'report-delivery': z.object({ deliveryId: z.uuid() }),
  /** Fetch a recording from a user-supplied URL into storage; handled by the media service itself. */
  'media-import': z.object({
    mediaId: z.uuid(),
    meetingId: z.uuid(),
    url: z.string().min(1),
  }),
} as const;

/**
 * The most people a meeting's recording can hold: its participants and the owner (who need not be
 * listed). Unknown (null) when the meeting lists nobody.
 */
export function maxSpeakersFor(participantCount: number): number | null {
  return participantCount > 0 ? participantCount + 1 : null;
}

export type JobKind = keyof typeof jobCatalogue;
export type JobPayload<K extends JobKind> = z.output<(typeof jobCatalogue)[K]>;
export const JOB_KINDS = Object.keys(jobCatalogue) as JobKind[];

export interface JobEnvelope<K extends JobKind = JobKind> {
  id: string;
  version: number;
  kind: K;
  payload: JobPayload<K>;
}

export function jobSubject(kind: JobKind): string {
  return `jobs.${kind}`;
}

export function createJob<K extends JobKind>(
  kind: K,
  payload: JobPayload<K>,
  id: string = randomUUID(),
): JobEnvelope<K> {
  return {
    id,
    version: JOB_SCHEMA_VERSION,
    kind,
    payload: jobCatalogue[kind].parse(payload) as JobPayload<K>,
  };
}

const jobShape = z.object({
  id: z.string().min(1),
  version: z.literal(JOB_SCHEMA_VERSION),
  kind: z.string(),
  payload: z.unknown(),
});

export function parseJob<K extends JobKind>(kind: K, raw: unknown): JobEnvelope<K> {
  const job = jobShape.parse(raw);
  if (job.kind !== kind) throw new Error(`Expected a ${kind} job, got ${job.kind}`);
  return { ...job, kind, payload: jobCatalogue[kind].parse(job.payload) as JobPayload<K> };
}
