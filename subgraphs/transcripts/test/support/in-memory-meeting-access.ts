import { canView, type AuthenticatedUser } from '@mymeet/auth';
import type { MikroORM } from '@mymeet/database';
import { TranscriptError, TranscriptErrorCode } from '../../src/domain/transcript-error.js';
import type {
  KnownMeeting,
  MeetingAccessPort,
  MeetingAccessReplica,
  MeetingDeletedHandler,
} from '../../src/services/meeting-access.port.js';

interface Meeting {
  ownerId: string;
  participantEmails: string[];
  language: string | null;
  deleted: boolean;
}

/** Meeting access held in memory, for tests that set meetings up directly. */
export class InMemoryMeetingAccess implements MeetingAccessReplica {
  private readonly meetings = new Map<string, Meeting>();
  private onDeleted?: MeetingDeletedHandler;

  add(
    meetingId: string,
    owner: AuthenticatedUser,
    participantEmails: string[] = [],
    language: string | null = 'en',
  ) {
    this.meetings.set(meetingId, { ownerId: owner.sub, participantEmails, language, deleted: false });
  }

  async delete(orm: MikroORM, meetingId: string): Promise<void> {
    const meeting = this.meetings.get(meetingId);
    if (meeting) meeting.deleted = true;
    await orm.em.fork().transactional((em) => this.onDeleted!(em, meetingId));
  }

  async start(onDeleted: MeetingDeletedHandler) {
    this.onDeleted = onDeleted;
    return { stop: async () => undefined };
  }

  readonly port = (): MeetingAccessPort => ({
    findVisible: async (user, meetingId) => this.visible(user, meetingId),
    requireOwner: async (user, meetingId) => {
      const meeting = this.visible(user, meetingId);
      if (!meeting) throw TranscriptError.meetingNotFound();
      if (meeting.ownerId !== user.sub) {
        throw new TranscriptError(
          TranscriptErrorCode.NOT_MEETING_OWNER,
          'Only the meeting owner can do this',
        );
      }
      return meeting;
    },
    visibleMeetingIds: async (user, meetingIds) =>
      new Set(meetingIds.filter((meetingId) => this.visible(user, meetingId))),
    isDeleted: async (meetingId) => this.meetings.get(meetingId)?.deleted ?? false,
  });

  private visible(user: AuthenticatedUser, meetingId: string): KnownMeeting | null {
    const meeting = this.meetings.get(meetingId);
    if (!meeting || meeting.deleted || !canView(user, meeting)) return null;
    return { meetingId, ownerId: meeting.ownerId, language: meeting.language };
  }
}
