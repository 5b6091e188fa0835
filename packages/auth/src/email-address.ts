/**
 * The one form e-mail addresses are compared in: trimmed, NFKC-normalised, lower-cased. Participant
 * addresses are stored in it and token addresses are matched in it.
 */
export function normalizeEmail(address: string): string {
  return address.trim().normalize('NFKC').toLowerCase().normalize('NFKC');
}

/**
 * The address a verified token may be matched by, or undefined. An address NFKC would change
 * (U+212A KELVIN SIGN for "k", fullwidth letters, ligatures) is not the mailbox the provider
 * verified, only one that looks like it, so it matches no one rather than someone else.
 */
export function trustedEmail(address: string, verified: boolean): string | undefined {
  if (!verified) return undefined;
  const trimmed = address.trim();
  return trimmed.normalize('NFKC') === trimmed ? normalizeEmail(trimmed) : undefined;
}
