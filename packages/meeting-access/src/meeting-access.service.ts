import { canModify, canView, type AuthenticatedUser } from '@mymeet/auth';
import type { MeetingAccessEntity } from './meeting-access.entity.js';
import { MeetingAccessError } from './meeting-access.error.js';
import type { MeetingAccessRepository } from './meeting-access.repository.js';

export interface AccessWait {
  /** How long to wait for a meeting's `meeting.created` event when its access row is missing. */
  timeoutMs: number;
  pollMs: number;
}

export const DEFAULT_ACCESS_WAIT: AccessWait = { timeoutMs: 3_000, pollMs: 100 };

/** Who may see or change a meeting's data in this service, from the service's own access copy. */
export class MeetingAccessService {
  constructor(
    private readonly meetings: MeetingAccessRepository,
    private readonly wait: AccessWait = DEFAULT_ACCESS_WAIT,
  ) {}

  /**
   * The meeting if the user owns it; NOT_FOUND when they may not see it (a hidden meeting looks like a
   * missing one), FORBIDDEN when they see it but do not own it. A meeting created a moment ago may not
   * be known yet: its event is waited for briefly.
   */
  async requireModifiable(
    user: AuthenticatedUser,
    meetingId: string,
    notOwnerMessage = 'Only the meeting owner can do this',
  ): Promise<MeetingAccessEntity> {
    const meeting = await this.requireVisible(user, meetingId);
    if (!canModify(user, meeting)) throw new MeetingAccessError('NOT_MEETING_OWNER', notOwnerMessage);
    return meeting;
  }

  /** The meeting if the user may see it; NOT_FOUND otherwise. */
  async requireVisible(user: AuthenticatedUser, meetingId: string): Promise<MeetingAccessEntity> {
    const meeting = await this.awaitMeeting(meetingId);
    if (!meeting || meeting.deleted || !canView(user, meeting)) {
      throw new MeetingAccessError('MEETING_NOT_FOUND', 'Meeting not found');
    }
    return meeting;
  }

  /** The meeting unless it is unknown or deleted, for work done on a user's behalf earlier (jobs). */
  async findLiveMeeting(meetingId: string): Promise<MeetingAccessEntity | null> {
    if (!isUuid(meetingId)) return null;
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
