import type { AuthenticatedUser } from './authenticated-user.js';

/** Who may see a meeting, as every service knows it (the meetings service owns it; others learn it from events). */
export interface AccessibleMeeting {
  ownerId: string;
  participantEmails: string[];
}

/** Owners and participants (matched by verified e-mail, case-insensitively) may see a meeting. */
export function canView(user: AuthenticatedUser, meeting: AccessibleMeeting): boolean {
  if (meeting.ownerId === user.sub) return true;
  const email = user.email?.toLowerCase();
  return email !== undefined && meeting.participantEmails.includes(email);
}

/** Only the owner changes or deletes a meeting. */
export function canModify(user: AuthenticatedUser, meeting: AccessibleMeeting): boolean {
  return meeting.ownerId === user.sub;
}
