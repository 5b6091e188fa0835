import type { EntityManager } from '@mikro-orm/postgresql';
import { MeetingAccessRepository, MeetingAccessService } from '@mymeet/meeting-access';
import type { MeetingAccessPort } from './meeting-access.port.js';

/** The port over the shared meeting-access copy this service keeps from the STATE stream. */
export function meetingAccessFor(em: EntityManager): MeetingAccessPort {
  const meetings = new MeetingAccessRepository(em);
  const access = new MeetingAccessService(meetings);
  return {
    requireOwner: async (user, meetingId, action) => {
      const meeting = await access.requireModifiable(user, meetingId, `Only the meeting owner can ${action}`);
      return {
        meetingId: meeting.meetingId,
        ownerId: meeting.ownerId,
        language: meeting.language,
        participantCount: meeting.participantEmails.length,
        vocabulary: meeting.vocabulary,
      };
    },
    visibleMeetingIds: async (user, meetingIds) =>
      new Set((await access.visibleMeetings(user, meetingIds)).keys()),
    isDeleted: async (meetingId) => (await meetings.findByMeetingId(meetingId))?.deleted === true,
  };
}
