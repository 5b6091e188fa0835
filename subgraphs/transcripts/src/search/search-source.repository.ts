import type { EntityManager } from '@mikro-orm/postgresql';
import type { SegmentRecord } from '../repositories/segment.repository.js';

/** The indexer's own record of a meeting: what of it the index reflects. */
export interface IndexedMeeting {
  meetingId: string;
  /** The meeting's version in the newest `meeting.*` event applied here. */
  version: number;
  title: string;
  occursAt: Date | null;
  indexedTranscriptId: string | null;
}

export interface MeetingVisibility {
  ownerId: string;
  participantEmails: string[];
  deleted: boolean;
  version: number;
}

export interface SourceRun {
  id: string;
  meetingId: string;
  language: string | null;
  /** When the meeting's first run was created: the date of a meeting whose own time is unknown. */
  firstRunAt: Date;
}

export interface SourceSegment {
  index: number;
  startMs: number;
  endMs: number;
  speaker: string | null;
  text: string;
}

const SEGMENT_COLUMNS = `"index", "start_ms" as "startMs", "end_ms" as "endMs", "speaker", "text"`;

/** What search reads from this service's tables (runs, segments, the meeting-access copy) and its own record. */
export class SearchSourceRepository {
  constructor(private readonly em: EntityManager) {}

  /** Inside a transaction: the meeting's record, row-locked, so indexing steps of one meeting run one at a time. */
  async lockMeeting(meetingId: string): Promise<IndexedMeeting> {
    await this.em.execute(
      'insert into search_meeting (meeting_id) values (?) on conflict (meeting_id) do nothing',
      [meetingId],
    );
    const rows = await this.em.execute<IndexedMeeting[]>(
      `select meeting_id as "meetingId", version, title, occurs_at as "occursAt",
         indexed_transcript_id as "indexedTranscriptId"
       from search_meeting where meeting_id = ? for update`,
      [meetingId],
    );
    const row = rows[0]!;
    return { ...row, occursAt: row.occursAt && new Date(row.occursAt) };
  }

  async recordMeetingState(
    meetingId: string,
    state: { version: number; title: string; occursAt: Date | null },
  ): Promise<void> {
    await this.em.execute(
      'update search_meeting set version = ?, title = ?, occurs_at = ?, updated_at = now() where meeting_id = ?',
      [state.version, state.title, state.occursAt, meetingId],
    );
  }

  async markIndexed(meetingId: string, transcriptId: string | null): Promise<void> {
    await this.em.execute(
      'update search_meeting set indexed_transcript_id = ?, updated_at = now() where meeting_id = ?',
      [transcriptId, meetingId],
    );
  }

  /** Who may see the meeting, from this service's meeting-access copy (kept from the STATE stream). */
  async visibility(meetingId: string): Promise<MeetingVisibility | null> {
    const rows = await this.em.execute<MeetingVisibility[]>(
      `select owner_id as "ownerId", participant_emails as "participantEmails", deleted, version
       from meeting_access where meeting_id = ?`,
      [meetingId],
    );
    return rows[0] ?? null;
  }

  /** The run `Meeting.transcript` shows when one is completed: the newest completed one. */
  async currentRun(meetingId: string): Promise<SourceRun | null> {
    const rows = await this.em.execute<Array<SourceRun & { firstRunAt: string | Date }>>(
      `select t.id, t.meeting_id as "meetingId", t.language,
         (select min(f.created_at) from transcript f where f.meeting_id = t.meeting_id) as "firstRunAt"
       from transcript t where t.meeting_id = ? and t.status = 'COMPLETED'
       order by t.created_at desc, t.id desc limit 1`,
      [meetingId],
    );
    const row = rows[0];
    return row ? { ...row, firstRunAt: new Date(row.firstRunAt) } : null;
  }

  async meetingOfRun(transcriptId: string): Promise<string | null> {
    const rows = await this.em.execute<Array<{ meetingId: string }>>(
      'select meeting_id as "meetingId" from transcript where id = ?',
      [transcriptId],
    );
    return rows[0]?.meetingId ?? null;
  }

  segments(transcriptId: string): Promise<SourceSegment[]> {
    return this.em.execute<SourceSegment[]>(
      `select ${SEGMENT_COLUMNS} from transcript_segment where transcript_id = ? order by "index"`,
      [transcriptId],
    );
  }

  async segment(transcriptId: string, index: number): Promise<SourceSegment | null> {
    const rows = await this.em.execute<SourceSegment[]>(
      `select ${SEGMENT_COLUMNS} from transcript_segment where transcript_id = ? and "index" = ?`,
      [transcriptId, index],
    );
    return rows[0] ?? null;
  }

  /**
   * The segments hits point at, by (run, index); index -1 (a title hit) stands for the run's first
   * segment. Keys whose segment is gone are missing from the result.
   */
  async segmentsAt(
    keys: ReadonlyArray<{ transcriptId: string; index: number }>,
  ): Promise<Map<string, SegmentRecord>> {
    if (keys.length === 0) return new Map();
    const rows = await this.em.execute<Array<SegmentRecord & { key: number }>>(
      `select k.i as "key", s."transcript_id" as "transcriptId", s."index", s."start_ms" as "startMs",
         s."end_ms" as "endMs", s."speaker", s."speaker_label" as "speakerLabel", s."raw_text" as "rawText", s."text",
         s."edited", s."confidence"
       from jsonb_to_recordset(?::jsonb) as k(t uuid, i int)
       join lateral (
         select * from transcript_segment s where s."transcript_id" = k.t and (k.i < 0 or s."index" = k.i)
         order by s."index" limit 1
       ) s on true`,
      [JSON.stringify(keys.map((key) => ({ t: key.transcriptId, i: key.index })))],
    );
    return new Map(rows.map(({ key, ...segment }) => [`${segment.transcriptId}:${key}`, segment]));
  }

  /** Meetings with a completed run, in id order after `afterId`: what a full reindex walks. */
  meetingsToIndex(afterId: string | null, limit: number): Promise<string[]> {
    return this.em
      .execute<Array<{ meetingId: string }>>(
        `select distinct meeting_id as "meetingId" from transcript
         where status = 'COMPLETED' and (?::uuid is null or meeting_id > ?::uuid)
         order by meeting_id limit ?`,
        [afterId, afterId, limit],
      )
      .then((rows) => rows.map((row) => row.meetingId));
  }

  async countMeetingsToIndex(): Promise<number> {
    const rows = await this.em.execute<Array<{ count: string }>>(
      `select count(distinct meeting_id) as count from transcript where status = 'COMPLETED'`,
    );
    return Number(rows[0]?.count ?? 0);
  }
}
