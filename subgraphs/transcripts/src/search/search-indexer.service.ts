import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { EventEnvelope } from '@mymeet/contracts';
import { isStaleMeetingVersion } from '@mymeet/meeting-access';
import { meetingContext, meetingDocuments, segmentDocument } from './search-documents.js';
import { SearchSourceRepository } from './search-source.repository.js';
import type { TranscriptSearchPort } from './transcript-search.port.js';

export interface AccessCatchUp {
  /** How long a meeting event waits for the meeting-access copy to apply the same version. */
  timeoutMs: number;
  pollMs: number;
}

type MeetingStatePayload = { version: number; title?: string; occursAt?: string | null };

/**
 * Keeps the search index following the data. Every step locks the meeting's search record, reads
 * the current state from this service's own tables (runs, segments, the meeting-access copy) and
 * writes what the index should hold, so steps are idempotent, any order of events converges, and two
 * instances never interleave on one meeting. Meeting events apply only when newer than the version
 * already applied.
 */
export class SearchIndexer {
  constructor(
    private readonly orm: MikroORM,
    private readonly engine: TranscriptSearchPort,
    private readonly catchUp: AccessCatchUp = { timeoutMs: 2_000, pollMs: 50 },
  ) {}

  /**
   * `meeting.created|updated|deleted`: the title, time and visibility of its passages. Visibility is
   * read from the meeting-access copy once it holds this version (the two consumers of the STATE
   * stream run side by side); until then the event is retried.
   * @returns whether the index was rewritten.
   */
  async applyMeetingState(event: EventEnvelope): Promise<boolean> {
    if (!['meeting.created', 'meeting.updated', 'meeting.deleted'].includes(event.kind)) return false;
    const payload = event.payload as MeetingStatePayload;
    await this.awaitAccessVersion(event.meetingId, payload.version);
    return this.inStep(async (source, tx) => {
      const meeting = await source.lockMeeting(event.meetingId);
      if (isStaleMeetingVersion(payload.version, meeting.version)) return false;
      await source.recordMeetingState(event.meetingId, {
        version: payload.version,
        title: payload.title ?? meeting.title,
        occursAt: payload.occursAt ? new Date(payload.occursAt) : meeting.occursAt,
      });
      await this.rewriteMeeting(source, tx, event.meetingId);
      return true;
    });
  }

  /** A run completed or its speakers were named: the meeting's documents are rebuilt. @returns documents written. */
  syncMeeting(meetingId: string): Promise<number> {
    return this.inStep(async (source, tx) => {
      await source.lockMeeting(meetingId);
      return this.rewriteMeeting(source, tx, meetingId);
    });
  }

  async syncRun(transcriptId: string): Promise<number> {
    const meetingId = await new SearchSourceRepository(this.orm.em.fork()).meetingOfRun(transcriptId);
    return meetingId ? this.syncMeeting(meetingId) : 0;
  }

  /** An edited segment: its document follows when its run is the one indexed. @returns whether it was written. */
  syncSegment(meetingId: string, transcriptId: string, index: number): Promise<boolean> {
    return this.inStep(async (source, tx) => {
      const meeting = await source.lockMeeting(meetingId);
      // Another run (or none) is indexed: that run's own completion indexes it whole.
      if (meeting.indexedTranscriptId !== transcriptId) return false;
      const [visibility, run, segment] = await Promise.all([
        source.visibility(meetingId),
        source.currentRun(meetingId),
        source.segment(transcriptId, index),
      ]);
      if (!visibility || visibility.deleted || run?.id !== transcriptId || !segment) {
        await this.rewriteMeeting(source, tx, meetingId);
        return true;
      }
      await this.engine
        .writer(tx)
        .upsert([segmentDocument(meetingContext(meeting, visibility, run), segment)]);
      return true;
    });
  }

  /** The meeting's documents become what its current state says; none when it is deleted or has no completed run. */
  private async rewriteMeeting(
    source: SearchSourceRepository,
    tx: EntityManager,
    meetingId: string,
  ): Promise<number> {
    const meeting = await source.lockMeeting(meetingId);
    const [visibility, run] = await Promise.all([source.visibility(meetingId), source.currentRun(meetingId)]);
    const writer = this.engine.writer(tx);
    if (!visibility || visibility.deleted || !run) {
      await writer.removeMeeting(meetingId);
      await source.markIndexed(meetingId, null);
      return 0;
    }
    const segments = await source.segments(run.id);
    const documents = meetingDocuments(meetingContext(meeting, visibility, run), meeting.title, segments);
    await writer.replaceMeeting(meetingId, documents);
    await source.markIndexed(meetingId, run.id);
    return documents.length;
  }

  private inStep<T>(work: (source: SearchSourceRepository, tx: EntityManager) => Promise<T>): Promise<T> {
    return this.orm.em.fork().transactional((tx) => work(new SearchSourceRepository(tx), tx));
  }

  private async awaitAccessVersion(meetingId: string, version: number): Promise<void> {
    const source = new SearchSourceRepository(this.orm.em.fork());
    const deadline = Date.now() + this.catchUp.timeoutMs;
    for (;;) {
      const visibility = await source.visibility(meetingId);
      if (visibility && visibility.version >= version) return;
      if (Date.now() >= deadline) {
        throw new Error(
          `meeting ${meetingId}: the meeting-access copy has not applied version ${version} yet; retrying`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, this.catchUp.pollMs));
    }
  }
}
