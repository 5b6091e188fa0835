import type { EntityManager } from '@mikro-orm/postgresql';
import type { Voiceprint } from '@mymeet/contracts';

/** A speaker of a run as stored. */
export interface SpeakerRecord {
  transcriptId: string;
  label: string;
  name: string | null;
  email: string | null;
  voiceprint: Voiceprint | null;
}

/** A named speaker of an earlier run of a meeting, a candidate for a voice heard again. */
export interface NamedVoice {
  transcriptId: string;
  label: string;
  name: string;
  email: string | null;
  voiceprint: Voiceprint;
}

const COLUMNS = `"transcript_id" as "transcriptId", "label", "name", "email", "voiceprint"`;

/** Speakers of runs, and the names segments show. Used inside the unit of work of a TranscriptRepository. */
export class SpeakerRepository {
  constructor(private readonly em: EntityManager) {}

  /** The diarizer's speakers of a run; names already given to a label stay, labels no longer heard go. */
  async replaceHeard(
    transcriptId: string,
    speakers: ReadonlyArray<{ label: string; voiceprint: Voiceprint | null }>,
  ): Promise<void> {
    const labels = speakers.map((speaker) => speaker.label);
    await this.em.execute(
      `delete from "transcript_speaker" where "transcript_id" = ?${
        labels.length ? ` and "label" not in (${labels.map(() => '?').join(', ')})` : ''
      }`,
      [transcriptId, ...labels],
    );
    for (const speaker of speakers) {
      await this.em.execute(
        `insert into "transcript_speaker" ("transcript_id", "label", "voiceprint") values (?, ?, ?::jsonb)
         on conflict ("transcript_id", "label") do update set "voiceprint" = excluded."voiceprint"`,
        [transcriptId, speaker.label, speaker.voiceprint ? JSON.stringify(speaker.voiceprint) : null],
      );
    }
  }

  /** Speakers of these runs, in label order (S2 before S10). */
  findAll(transcriptIds: readonly string[]): Promise<SpeakerRecord[]> {
    if (transcriptIds.length === 0) return Promise.resolve([]);
    return this.em.execute<SpeakerRecord[]>(
      `select ${COLUMNS} from "transcript_speaker"
       where "transcript_id" in (${transcriptIds.map(() => '?').join(', ')})
       order by "transcript_id", length("label"), "label"`,
      [...transcriptIds],
    );
  }

  /** Named speakers with a voiceprint in the meeting's other runs, newest run first. */
  findNamedVoices(meetingId: string, exceptTranscriptId: string): Promise<NamedVoice[]> {
    return this.em.execute<NamedVoice[]>(
      `select s."transcript_id" as "transcriptId", s."label", s."name", s."email", s."voiceprint"
       from "transcript_speaker" s join "transcript" t on t."id" = s."transcript_id"
       where t."meeting_id" = ? and t."id" <> ? and s."name" is not null and s."voiceprint" is not null
       order by t."created_at" desc, t."id" desc, s."named_at" desc nulls last`,
      [meetingId, exceptTranscriptId],
    );
  }

  /** Whether the run's segments or speakers know this label. */
  async hasLabel(transcriptId: string, label: string): Promise<boolean> {
    const rows = await this.em.execute<Array<{ found: boolean }>>(
      `select exists (select 1 from "transcript_speaker" where "transcript_id" = ? and "label" = ?)
         or exists (select 1 from "transcript_segment" where "transcript_id" = ? and "speaker_label" = ?) as "found"`,
      [transcriptId, label, transcriptId, label],
    );
    return rows[0]?.found === true;
  }

  /** Names a speaker and shows the name on its segments (what exports, search and reports read). */
  async name(
    transcriptId: string,
    label: string,
    naming: { name: string; email: string | null; by: string | null; at: Date },
  ): Promise<void> {
    await this.em.execute(
      `insert into "transcript_speaker" ("transcript_id", "label", "name", "email", "named_at", "named_by")
       values (?, ?, ?, ?, ?, ?)
       on conflict ("transcript_id", "label") do update set "name" = excluded."name", "email" = excluded."email",
         "named_at" = excluded."named_at", "named_by" = excluded."named_by"`,
      [transcriptId, label, naming.name, naming.email, naming.at, naming.by],
    );
    await this.em.execute(
      `update "transcript_segment" set "speaker" = ? where "transcript_id" = ? and "speaker_label" = ?`,
      [naming.name, transcriptId, label],
    );
  }
}
