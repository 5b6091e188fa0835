import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { NatsConnection } from 'nats';
import type { AuthenticatedUser } from '@mymeet/auth';
import type { MikroORM } from '@mymeet/database';
import { eventually, publishEvent, subgraphClient } from '@mymeet/testing';

export interface SearchHitShape {
  cursor: string;
  node: {
    meeting: { id: string };
    segment: { transcriptId: string; index: number; startMs: number; speaker: string | null; text: string };
    highlight: string;
    score: number;
    matchedIn: 'TEXT' | 'TITLE';
  };
}

export interface SearchPage {
  edges: SearchHitShape[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
}

export interface TranscribedMeeting {
  meetingId: string;
  transcriptId: string;
  version: number;
}

/** Drives the transcripts service as the platform does (meeting state, media, worker) and searches it. */
export class SearchHarness {
  constructor(
    private readonly nc: NatsConnection,
    private readonly orm: MikroORM,
    private readonly url: () => string,
    private readonly internalSecret: string,
  ) {}

  async call(user: AuthenticatedUser, query: string, variables: Record<string, unknown> = {}) {
    return subgraphClient(`${this.url()}/graphql`, 'transcripts', this.internalSecret)(
      user,
      query,
      variables,
    );
  }

  /** `searchTranscripts` as a client asks it; fails on errors. */
  async search(user: AuthenticatedUser, args: Record<string, unknown>): Promise<SearchPage> {
    const response = await this.searchResponse(user, args);
    assert.equal(response.errors, undefined, JSON.stringify(response.errors));
    return response.data!.searchTranscripts as SearchPage;
  }

  searchResponse(user: AuthenticatedUser, args: Record<string, unknown>) {
    return this.call(
      user,
      `query ($query: String!, $first: Int, $after: String, $meetingId: ID, $from: DateTime, $to: DateTime,
              $language: String, $speaker: String) {
        searchTranscripts(query: $query, first: $first, after: $after, meetingId: $meetingId, from: $from, to: $to,
                          language: $language, speaker: $speaker) {
          edges { cursor node { meeting { id } segment { transcriptId index startMs speaker text }
                  highlight score matchedIn } }
          pageInfo { hasNextPage endCursor }
          totalCount
        }
      }`,
      args,
    );
  }

  /** The texts of the hits, best first. */
  async texts(
    user: AuthenticatedUser,
    query: string,
    extra: Record<string, unknown> = {},
  ): Promise<string[]> {
    return (await this.search(user, { query, first: 100, ...extra })).edges.map(
      (edge) => edge.node.segment.text,
    );
  }

  async announceMeeting(
    meetingId: string,
    owner: AuthenticatedUser,
    state: {
      participants?: string[];
      title?: string;
      version?: number;
      language?: string;
      occursAt?: string;
    },
  ): Promise<void> {
    const version = state.version ?? 1;
    await publishEvent(this.nc, version === 1 ? 'meeting.created' : 'meeting.updated', meetingId, {
      ownerId: owner.sub,
      participantEmails: state.participants ?? [],
      title: state.title ?? 'Weekly sync',
      language: state.language ?? null,
      version,
      occursAt: state.occursAt ?? new Date().toISOString(),
    });
    await this.untilSearchVersion(meetingId, version);
  }

  async deleteMeeting(meetingId: string, owner: AuthenticatedUser, version: number): Promise<void> {
    await publishEvent(this.nc, 'meeting.deleted', meetingId, { ownerId: owner.sub, version });
    await this.untilSearchVersion(meetingId, version);
  }

  /** A meeting with one completed run of these texts (one segment each), indexed. */
  async transcribedMeeting(
    owner: AuthenticatedUser,
    texts: readonly string[],
    options: {
      language?: string;
      participants?: string[];
      title?: string;
      speakers?: readonly string[];
      occursAt?: string;
    } = {},
  ): Promise<TranscribedMeeting> {
    const meetingId = randomUUID();
    await this.announceMeeting(meetingId, owner, options);
    const transcriptId = await this.transcribe(meetingId, texts, options);
    return { meetingId, transcriptId, version: 1 };
  }

  /** A new run of the meeting's recording, completed and indexed. @returns its id. */
  async transcribe(
    meetingId: string,
    texts: readonly string[],
    options: { language?: string; speakers?: readonly string[] } = {},
  ): Promise<string> {
    const transcriptId = randomUUID();
    const language = options.language ?? 'en';
    await publishEvent(this.nc, 'media.ready', meetingId, {
      mediaId: randomUUID(),
      transcriptId,
      language,
      objectKey: `meetings/${meetingId}/media/recording.mp3`,
      contentType: 'audio/mpeg',
      byteSize: 1_000,
      durationSeconds: texts.length * 4,
    });
    await eventually(async () =>
      assert.equal((await this.rows('select 1 from transcript where id = ?', [transcriptId])).length, 1),
    );
    for (const [index, text] of texts.entries()) {
      await publishEvent(this.nc, 'transcript.segment', meetingId, {
        transcriptId,
        index,
        startMs: index * 4_000,
        endMs: index * 4_000 + 3_500,
        speaker: options.speakers?.[index % options.speakers.length] ?? null,
        text,
        confidence: 0.9,
        attempt: 1,
      });
    }
    await publishEvent(this.nc, 'transcript.completed', meetingId, {
      transcriptId,
      engine: 'pocketsphinx',
      language,
      durationSeconds: texts.length * 4,
      segmentCount: texts.length,
      attempt: 1,
    });
    await this.untilIndexed(meetingId, transcriptId);
    return transcriptId;
  }

  /** The indexer has written this run's passages (its record says so, in the same transaction). */
  untilIndexed(meetingId: string, transcriptId: string | null) {
    return eventually(async () => {
      const rows = await this.rows<{ indexed: string | null }>(
        'select indexed_transcript_id as indexed from search_meeting where meeting_id = ?',
        [meetingId],
      );
      assert.equal(rows[0]?.indexed ?? null, transcriptId);
    }, 20_000);
  }

  untilSearchVersion(meetingId: string, version: number) {
    return eventually(async () => {
      const rows = await this.rows<{ version: number }>(
        'select version from search_meeting where meeting_id = ?',
        [meetingId],
      );
      assert.equal(rows[0]?.version, version);
    }, 20_000);
  }

  rows<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    return this.orm.em.fork().getConnection().execute<T[]>(sql, params);
  }
}
