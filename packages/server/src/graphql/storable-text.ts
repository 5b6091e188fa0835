// NUL cannot be stored in PostgreSQL text or jsonb; an unpaired surrogate has no UTF-8 form and
// would be stored silently replaced by U+FFFD, so what the user reads back is not what they sent.
const NUL = '\u0000';
const UNPAIRED_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Why PostgreSQL cannot store this text as given, or undefined when it can. */
export function textProblem(value: string): string | undefined {
  if (value.includes(NUL)) return 'text must not contain NUL (U+0000) characters';
  if (UNPAIRED_SURROGATE.test(value)) return 'text must be valid Unicode (it contains an unpaired surrogate)';
  return undefined;
}
