import type { Participant } from '../domain/report-request.js';

/** Who was invited to a meeting: the offline summariser matches the owners it hears against them. */
export interface MeetingParticipantsPort {
  /** The meeting's participants; empty when the meeting is unknown or deleted. */
  participantsOf(meetingId: string): Promise<Participant[]>;
}
