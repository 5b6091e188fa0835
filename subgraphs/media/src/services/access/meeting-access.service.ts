import { canModify, canView, type AuthenticatedUser } from '@mymeet/auth';
import type { MeetingAccessEntity } from '../../entities/meeting-access.entity.js';
import type { MeetingAccessRepository } from '../../repositories/meeting-access.repository.js';
import { forbidden, notFound } from '../../domain/media-error.js';

export interface AccessWait {
  /** How long to wait for a meeting's `meeting.created` event when its access row is missing. */
  timeoutMs: number;
  pollMs: number;
}

export const DEFAULT_ACCESS_WAIT: AccessWait = { timeoutMs: 3_000, pollMs: 100 };

/** Who may see or change a meeting's media, from media's own copy of meeting visibility. */
export class MeetingAccessService {
  constructor(
    private readonly meetings: MeetingAccessRepository,
    private readonly wait: AccessWait = DEFAULT_ACCESS_WAIT,
  ) {}

  /**
   * The meeting the user may add media to; NOT_FOUND when they may not see it, FORBIDDEN when
   * they see it but do not own it. A meeting created a moment ago may not be known yet: its
   * event is waited for briefly.
   */
  async requireModifiable(user: AuthenticatedUser, meetingId: string): Promise<MeetingAccessEntity> {
    const meeting = await this.awaitMeeting(meetingId);
    if (!meeting || meeting.deleted || !canView(user, meeting)) throw notFound('Meeting');
    if (!canModify(user, meeting)) throw forbidden('Only the meeting owner can add recordings to it');
    return meeting;
  }

  /** The meeting unless it is unknown or deleted, for work done on a user's behalf earlier (jobs). */
  async findLiveMeeting(meetingId: string): Promise<MeetingAccessEntity | null> {
    const meeting = await this.meetings.findByMeetingId(meetingId);
    return meeting && !meeting.deleted ? meeting : null;
  }

  /** Visible, not deleted meetings among these ids, by id. */
  async visibleMeetings(
    user: AuthenticatedUser,
    meetingIds: readonly string[],
  ): Promise<Map<string, MeetingAccessEntity>> {
    const rows = await this.meetings.findByMeetingIds(meetingIds.filter(isUuid));
    return new Map(rows.filter((m) => !m.deleted && canView(user, m)).map((m) => [m.meetingId, m]));
  }

  private async awaitMeeting(meetingId: string): Promise<MeetingAccessEntity | null> {
    if (!isUuid(meetingId)) return null;
    const deadline = Date.now() + this.wait.timeoutMs;
    for (;;) {
      const meeting = await this.meetings.findByMeetingId(meetingId);
      if (meeting || Date.now() >= deadline) return meeting;
      await new Promise((resolve) => setTimeout(resolve, this.wait.pollMs));
    }
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}
