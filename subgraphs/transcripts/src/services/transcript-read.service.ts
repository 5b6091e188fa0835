import type { AuthenticatedUser } from '@mymeet/auth';
import { currentRun } from '../domain/current-run.js';
import type { SegmentRecord } from '../repositories/segment.repository.js';
import type { SpeakerRecord } from '../repositories/speaker.repository.js';
import type { TranscriptEntity } from '../entities/transcript.entity.js';
import type { TranscriptRepository } from '../repositories/transcript.repository.js';
import type { MeetingAccessPort } from './meeting-access.port.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: string) => UUID.test(value);

/**
 * Reading runs the caller may see, batched: every method takes many keys and answers in their order,
 * so a list of meetings costs one query per field, not one per meeting.
 */
export class TranscriptReadService {
  constructor(
    private readonly transcripts: TranscriptRepository,
    private readonly access: Pick<MeetingAccessPort, 'visibleMeetingIds'>,
  ) {}

  /** In the order of `ids`, null where missing or not visible. */
  async findVisibleByIds(
    user: AuthenticatedUser,
    ids: readonly string[],
  ): Promise<Array<TranscriptEntity | null>> {
    const found = await this.transcripts.findByIds(ids.filter(isUuid));
    const visible = await this.access.visibleMeetingIds(user, [...new Set(found.map((t) => t.meetingId))]);
    const byId = new Map(found.filter((t) => visible.has(t.meetingId)).map((t) => [t.id, t]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  /** Every run of each meeting, newest first; empty for a meeting the caller may not see. */
  async runsForMeetings(
    user: AuthenticatedUser,
    meetingIds: readonly string[],
  ): Promise<TranscriptEntity[][]> {
    const visible = await this.access.visibleMeetingIds(user, meetingIds.filter(isUuid));
    const runs = await this.transcripts.findByMeetingIds([...visible]);
    return meetingIds.map((id) => runs.filter((run) => run.meetingId === id));
  }

  /** The run each meeting shows (see `currentRun`), null when it has none or is not visible. */
  async currentForMeetings(
    user: AuthenticatedUser,
    meetingIds: readonly string[],
  ): Promise<Array<TranscriptEntity | null>> {
    return (await this.runsForMeetings(user, meetingIds)).map(currentRun);
  }

  /** All segments of runs already shown to the caller, in index order, per run. */
  async segmentsOf(transcriptIds: readonly string[]): Promise<SegmentRecord[][]> {
    const segments = await this.transcripts.segments.findAll(transcriptIds);
    return groupBy(transcriptIds, segments);
  }

  /** One page (`limit` after `afterIndex`) of each run's segments, in one query. */
  async segmentPages(
    transcriptIds: readonly string[],
    afterIndex: number,
    limit: number,
  ): Promise<SegmentRecord[][]> {
    const segments = await this.transcripts.segments.findPages(transcriptIds, afterIndex, limit);
    return groupBy(transcriptIds, segments);
  }

  /** Stored speakers of runs already shown to the caller, in label order, per run. */
  async speakersOf(transcriptIds: readonly string[]): Promise<SpeakerRecord[][]> {
    return groupBy(transcriptIds, await this.transcripts.speakers.findAll(transcriptIds));
  }
}

function groupBy<T extends { transcriptId: string }>(
  transcriptIds: readonly string[],
  segments: readonly T[],
): T[][] {
  const byRun = new Map<string, T[]>();
  for (const segment of segments) {
    const list = byRun.get(segment.transcriptId) ?? [];
    list.push(segment);
    byRun.set(segment.transcriptId, list);
  }
  return transcriptIds.map((id) => byRun.get(id) ?? []);
}
