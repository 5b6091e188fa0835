import { normalizeEmail } from '@mymeet/auth';
import { ReportsError, ReportsErrorCode } from './reports-error.js';
import { REPORT_POLICY } from './report-vocabulary.js';

// Deliberately plain: one @, a dot in the domain, no spaces or angle brackets (no header injection).
const EMAIL = /^[^\s@<>(),;:"\\[\]]+@[^\s@<>(),;:"\\[\]]+\.[^\s@<>(),;:"\\[\]]+$/;

/** Recipients as given, in the form participants are stored in (`normalizeEmail`), deduplicated. */
export function parseRecipients(to: readonly string[]): string[] {
  if (to.length === 0) throw ReportsError.invalidInput('to', 'Name at least one recipient');
  if (to.length > REPORT_POLICY.maxRecipients)
    throw ReportsError.invalidInput('to', `At most ${REPORT_POLICY.maxRecipients} recipients per delivery`);
  const normalised = to.map((address, index) => {
    const email = normalizeEmail(address);
    if (email.length > 254 || !EMAIL.test(email))
      throw ReportsError.invalidInput(
        `to.${index}`,
        `"${address.slice(0, 80)}" is not an e-mail address`,
        'INVALID_EMAIL',
      );
    return email;
  });
  return [...new Set(normalised)];
}

/**
 * The meeting's owner may mail the report anywhere; anyone else only to the meeting's participants
 * (and themselves), so a participant cannot leak it to outsiders.
 */
export function requireAllowedRecipients(
  recipients: readonly string[],
  /** `email` as the token verified it (absent when unverified: then it earns nothing). */
  caller: { isOwner: boolean; email: string | undefined },
  participantEmails: readonly string[],
): void {
  if (caller.isOwner) return;
  const allowed = new Set([...participantEmails, ...(caller.email ? [caller.email] : [])]);
  const index = recipients.findIndex((email) => !allowed.has(email));
  if (index >= 0) {
    throw new ReportsError(
      ReportsErrorCode.RECIPIENT_NOT_PARTICIPANT,
      `${recipients[index]} is not a participant of this meeting; only the meeting owner can send the report to others`,
      { field: `to.${index}`, reason: 'RECIPIENT_NOT_PARTICIPANT' },
    );
  }
}
