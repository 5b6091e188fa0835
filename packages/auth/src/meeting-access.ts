import type { AuthenticatedUser } from './authenticated-user.js';
import { normalizeEmail } from './email-address.js';

/** Who may see a meeting, as every service knows it (the meetings service owns it; others learn it from events). */
export interface AccessibleMeeting {
  ownerId: string;
  /** Stored in `normalizeEmail` form. */
  participantEmails: string[];
}

/**
 * The address a user is matched to participants by: the verified one only (the verifier leaves
 * `email` out otherwise), in the form participant addresses are stored in. Services that match in
 * SQL use this too, so there is one rule.
 */
export function participantEmailOf(user: AuthenticatedUser): string | undefined {
  return user.email === undefined ? undefined : normalizeEmail(user.email);
}

/** Owners and participants (matched by verified, normalised e-mail) may see a meeting. */
export function canView(user: AuthenticatedUser, meeting: AccessibleMeeting): boolean {
  if (meeting.ownerId === user.sub) return true;
  const email = participantEmailOf(user);
  return email !== undefined && meeting.participantEmails.includes(email);
}

/** Only the owner changes or deletes a meeting. */
export function canModify(user: AuthenticatedUser, meeting: AccessibleMeeting): boolean {
  return meeting.ownerId === user.sub;
}
