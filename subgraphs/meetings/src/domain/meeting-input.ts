import { normalizeEmail } from '@mymeet/auth';
import { MeetingError } from './meeting-error.js';

export interface ParticipantInput {
  email: string;
  name?: string | null;
}

export interface MeetingDraft {
  title?: string | null;
  scheduledAt?: Date | null;
  joinUrl?: string | null;
  language?: string | null;
  participants?: ParticipantInput[] | null;
  vocabulary?: string[] | null;
}

export interface NormalizedParticipant {
  email: string;
  name: string | null;
}

export const LIMITS = {
  titleLength: 300,
  participants: 200,
  urlLength: 2_000,
  nameLength: 200,
  vocabularyTerms: 100,
  termLength: 64,
} as const;

// A pragmatic address check (RFC 5322 allows more, but such addresses never reach a mailbox here).
const EMAIL = /^[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:"]+\.[^\s@<>()[\],;:"]{2,}$/;
const LANGUAGE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

export function normalizeTitle(title: string | null | undefined): string {
  const trimmed = (title ?? '').trim().replace(/\s+/g, ' ');
  if (!trimmed) throw MeetingError.invalidInput('title', 'Title must not be empty');
  if (trimmed.length > LIMITS.titleLength) {
    throw MeetingError.invalidInput('title', `Title must be at most ${LIMITS.titleLength} characters`);
  }
  return trimmed;
}

/** Join links are https only: a meeting link is shown to every participant and must not be a script or local file. */
export function normalizeJoinUrl(joinUrl: string | null | undefined): string | null {
  const value = joinUrl?.trim();
  if (!value) return null;
  if (value.length > LIMITS.urlLength) throw MeetingError.invalidInput('joinUrl', 'Join URL is too long');
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw MeetingError.invalidInput('joinUrl', 'Join URL is not a valid URL');
  }
  if (url.protocol !== 'https:') throw MeetingError.invalidInput('joinUrl', 'Join URL must use https');
  if (url.username || url.password)
    throw MeetingError.invalidInput('joinUrl', 'Join URL must not contain credentials');
  return url.toString();
}

/** Terms trimmed, inner spaces collapsed, duplicates (case-insensitive) dropped, in the order given. */
export function normalizeVocabulary(vocabulary: string[] | null | undefined): string[] {
  const terms: string[] = [];
  const seen = new Set<string>();
  for (const [n, raw] of (vocabulary ?? []).entries()) {
    const term = raw.trim().replace(/\s+/g, ' ');
    if (!term) continue;
    if (term.length > LIMITS.termLength) {
      throw MeetingError.invalidInput(
        `vocabulary.${n}`,
        `Terms must be at most ${LIMITS.termLength} characters`,
      );
    }
    if (seen.has(term.toLowerCase())) continue;
    seen.add(term.toLowerCase());
    terms.push(term);
  }
  if (terms.length > LIMITS.vocabularyTerms) {
    throw MeetingError.invalidInput('vocabulary', `At most ${LIMITS.vocabularyTerms} terms`);
  }
  return terms;
}

export function normalizeLanguage(language: string | null | undefined): string | null {
  const value = language?.trim();
  if (!value) return null;
  if (!LANGUAGE.test(value)) {
    throw MeetingError.invalidInput('language', 'Language must be a BCP 47 tag such as "en" or "ru-RU"');
  }
  return value;
}

export function normalizeParticipants(
  participants: ParticipantInput[] | null | undefined,
): NormalizedParticipant[] {
  const list = participants ?? [];
  if (list.length > LIMITS.participants) {
    throw MeetingError.invalidInput('participants', `At most ${LIMITS.participants} participants`);
  }
  const byEmail = new Map<string, NormalizedParticipant>();
  list.forEach((participant, index) => {
    // Stored in the form tokens are matched in (NFKC, lower case), so visibility has one rule.
    const email = normalizeEmail(participant.email);
    if (!EMAIL.test(email) || email.length > 254) {
      throw MeetingError.invalidInput(
        `participants.${index}.email`,
        `"${participant.email}" is not a valid e-mail address`,
      );
    }
    const name = participant.name?.trim().slice(0, LIMITS.nameLength) || null;
    byEmail.set(email, { email, name: name ?? byEmail.get(email)?.name ?? null });
  });
  return [...byEmail.values()];
}

export function normalizeScheduledAt(scheduledAt: Date | null | undefined): Date | null {
  if (!scheduledAt) return null;
  if (Number.isNaN(scheduledAt.getTime())) throw MeetingError.invalidInput('scheduledAt', 'Invalid date');
  return scheduledAt;
}
