import type { AuthenticatedUser } from '@mymeet/auth';

export interface AccessibleMeeting {
  ownerId: string;
  participantEmails: string[];
}

/** Owners and participants (matched by verified e-mail) may see a meeting. */
export function canView(user: AuthenticatedUser, meeting: AccessibleMeeting): boolean {
  if (meeting.ownerId === user.sub) return true;
  const email = user.email?.toLowerCase();
  return email !== undefined && meeting.participantEmails.includes(email);
}

/** Only the owner changes or deletes a meeting. */
export function canModify(user: AuthenticatedUser, meeting: AccessibleMeeting): boolean {
  return meeting.ownerId === user.sub;
}
