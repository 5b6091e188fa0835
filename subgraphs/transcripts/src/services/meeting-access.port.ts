import type { EntityManager } from '@mikro-orm/postgresql';
import type { AuthenticatedUser } from '@mymeet/auth';

/** What this service knows about a meeting it may act on. */
export interface KnownMeeting {
  meetingId: string;
  ownerId: string;
  language: string | null;
  /** Participants the meeting lists (the owner aside). */
  participantCount: number;
  /** Names and terms the speech engine should expect. */
  vocabulary: string[];
}

/**
 * Who may see or change a meeting, from this service's own replica of meeting access (it never reads
 * the meetings database). Invisible and missing look the same.
 */
export interface MeetingAccessPort {
  /** The meeting when the user owns it; NOT_FOUND when they may not see it, FORBIDDEN when they only see it. */
  requireOwner(user: AuthenticatedUser, meetingId: string, action: string): Promise<KnownMeeting>;
  /** The ids among these the user may see. */
  visibleMeetingIds(user: AuthenticatedUser, meetingIds: readonly string[]): Promise<Set<string>>;
  /** Whether the meeting is known to be deleted (its late events are dropped, not retried). */
  isDeleted(meetingId: string): Promise<boolean>;
}

/** A port bound to one unit of work (a request's or a message's EntityManager). */
export type MeetingAccessFactory = (em: EntityManager) => MeetingAccessPort;
