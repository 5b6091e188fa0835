import type { EntityManager } from '@mikro-orm/postgresql';
import { TranscriptSegmentEntity } from '../entities/transcript-segment.entity.js';

export interface IncomingSegment {
  transcriptId: string;
  index: number;
  startMs: number;
  endMs: number;
  speaker: string | null;
  text: string;
  confidence: number | null;
  /** The job attempt, then the event's time: the newest version of an index wins, whatever order they arrive in. */
  attempt: number;
  occurredAt: Date;
}

/** A segment as read for display and export. */
export interface SegmentRecord {
  transcriptId: string;
  index: number;
  startMs: number;
  endMs: number;
  /** The name once given, else the label. */
  speaker: string | null;
  speakerLabel: string | null;
  rawText: string;
  text: string;
  edited: boolean;
  confidence: number | null;
}

// Reads skip entity hydration: a 3-hour meeting's 2,500 segments are read on every `text` or export.
const RECORD_COLUMNS = `"transcript_id" as "transcriptId", "index", "start_ms" as "startMs", "end_ms" as "endMs",
  "speaker", "speaker_label" as "speakerLabel", "raw_text" as "rawText", "text", "edited", "confidence"`;

/** Segments of runs. Used inside the unit of work of a TranscriptRepository. */
export class SegmentRepository {
  constructor(private readonly em: EntityManager) {}

  /**
   * Stores the engine's segment under (transcript, index), overwriting an older version of it (a
   * redelivered job's); an older version arriving after a newer one changes nothing. An owner's
   * edit of `text` survives, only `rawText` follows the engine.
   * @returns whether the row is new.
   */
  async upsert(segment: IncomingSegment): Promise<boolean> {
    const rows = await this.em.execute<Array<{ inserted: boolean }>>(
      `insert into "transcript_segment"
         ("transcript_id", "index", "start_ms", "end_ms", "speaker", "speaker_label", "raw_text", "text", "confidence", "attempt", "occurred_at")
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       on conflict ("transcript_id", "index") do update set
         "start_ms" = excluded."start_ms", "end_ms" = excluded."end_ms", "speaker" = excluded."speaker",
         "speaker_label" = excluded."speaker_label",
         "raw_text" = excluded."raw_text", "confidence" = excluded."confidence",
         "attempt" = excluded."attempt", "occurred_at" = excluded."occurred_at",
         "text" = case when "transcript_segment"."edited" then "transcript_segment"."text" else excluded."text" end
       where ("transcript_segment"."attempt", "transcript_segment"."occurred_at") <= (excluded."attempt", excluded."occurred_at")
       returning (xmax = 0) as "inserted"`,
      [
        segment.transcriptId,
        segment.index,
        segment.startMs,
        segment.endMs,
        segment.speaker,
        segment.speaker,
        segment.text,
        segment.text,
        segment.confidence,
        segment.attempt,
        segment.occurredAt,
      ],
    );
    return rows[0]?.inserted === true;
  }

  /** Segments below `limit` made by this job attempt or a later one. */
  async countBelow(transcriptId: string, limit: number, attempt: number): Promise<number> {
    return this.em.count(TranscriptSegmentEntity, {
      transcriptId,
      attempt: { $gte: attempt },
      index: { $lt: limit },
    });
  }

  /** Indexes below `limit` that neither this job attempt nor a later one has delivered. */
  async missingBelow(transcriptId: string, limit: number, attempt: number): Promise<number[]> {
    const rows = await this.em.execute<Array<{ index: number }>>(
      `select n as "index" from generate_series(0, ?::int - 1) n
       where not exists (
         select 1 from "transcript_segment" s where s."transcript_id" = ? and s."index" = n and s."attempt" >= ?)
       order by n`,
      [limit, transcriptId, attempt],
    );
    return rows.map((row) => Number(row.index));
  }

  /** Drops segments at or past `limit`: left by an earlier attempt that split the audio differently. */
  deleteFrom(transcriptId: string, limit: number): Promise<number> {
    return this.em.nativeDelete(TranscriptSegmentEntity, { transcriptId, index: { $gte: limit } });
  }

  findOne(transcriptId: string, index: number): Promise<TranscriptSegmentEntity | null> {
    return this.em.findOne(TranscriptSegmentEntity, { transcriptId, index });
  }

  /** Every segment of these runs, in index order, as plain records (no unit-of-work tracking). */
  findAll(transcriptIds: readonly string[]): Promise<SegmentRecord[]> {
    if (transcriptIds.length === 0) return Promise.resolve([]);
    return this.em.execute<SegmentRecord[]>(
      `select ${RECORD_COLUMNS} from "transcript_segment"
       where "transcript_id" in (${transcriptIds.map(() => '?').join(', ')})
       order by "transcript_id", "index"`,
      [...transcriptIds],
    );
  }

  /**
   * Up to `limit` segments of each run after index `afterIndex`, in one query for all runs
   * (a page of `segments` for every transcript of a list costs one round trip).
   */
  async findPages(
    transcriptIds: readonly string[],
    afterIndex: number,
    limit: number,
  ): Promise<SegmentRecord[]> {
    if (transcriptIds.length === 0 || limit === 0) return [];
    return this.em.execute<SegmentRecord[]>(
      `select ${RECORD_COLUMNS} from (
         select s.*, row_number() over (partition by s."transcript_id" order by s."index") as "position"
         from "transcript_segment" s where s."transcript_id" in (${transcriptIds.map(() => '?').join(', ')})
           and s."index" > ?
       ) page where page."position" <= ? order by page."transcript_id", page."index"`,
      [...transcriptIds, afterIndex, limit],
    );
  }
}
