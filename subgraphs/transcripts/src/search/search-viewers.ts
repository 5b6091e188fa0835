import { participantEmailOf, type AccessibleMeeting, type AuthenticatedUser } from '@mymeet/auth';

/**
 * Visibility as index terms, so both engines filter inside the search: a meeting's passages carry
 * the terms of everyone who may see it, a user searches with their own. The same rules as `canView`:
 * the owner by id, participants by verified, normalised e-mail.
 */
export function viewerTermsOf(meeting: AccessibleMeeting): string[] {
  return [`u:${meeting.ownerId}`, ...meeting.participantEmails.map((email) => `e:${email}`)];
}

export function searcherTermsOf(user: AuthenticatedUser): string[] {
  const email = participantEmailOf(user);
  return email === undefined ? [`u:${user.sub}`] : [`u:${user.sub}`, `e:${email}`];
}
