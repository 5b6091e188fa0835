import { sameVoiceDistance, voiceDistance, type Voiceprint } from '@mymeet/contracts';

export interface HeardVoice {
  label: string;
  voiceprint: Voiceprint | null;
}

export interface KnownVoice {
  name: string;
  email: string | null;
  voiceprint: Voiceprint;
}

/**
 * Which speakers of a new run are people named in an earlier run: a pair matches only when its
 * voiceprints are of one model and within that model's same-voice distance, each is the other's
 * closest, and no other known voice is nearly as close. A wrong name is worse than none.
 * @param known newest first: of one person's voiceprints the newest counts.
 * @returns the name (and e-mail) for each label that matched.
 */
export function matchVoices(
  heard: readonly HeardVoice[],
  known: readonly KnownVoice[],
): Map<string, { name: string; email: string | null }> {
  const people = new Map<string, KnownVoice>();
  for (const voice of known) {
    const person = `${voice.name}\u0000${voice.email ?? ''}`;
    if (!people.has(person)) people.set(person, voice);
  }
  const candidates = [...people.values()];
  const distances = heard.map((voice) =>
    candidates.map((candidate) =>
      voice.voiceprint ? voiceDistance(voice.voiceprint, candidate.voiceprint) : null,
    ),
  );
  const matches = new Map<string, { name: string; email: string | null }>();
  heard.forEach((voice, h) => {
    const row = distances[h]!;
    const best = argMin(row);
    if (best < 0) return;
    const distance = row[best]!;
    if (distance > sameVoiceDistance(candidates[best]!.voiceprint.model)) return;
    const runnerUp = Math.min(...row.filter((d, k): d is number => d !== null && k !== best));
    if (runnerUp < distance * 2) return;
    const column = distances.map((other) => other[best] ?? null);
    if (argMin(column) !== h) return;
    matches.set(voice.label, { name: candidates[best]!.name, email: candidates[best]!.email });
  });
  return matches;
}

function argMin(values: ReadonlyArray<number | null>): number {
  let best = -1;
  values.forEach((value, i) => {
    if (value !== null && (best < 0 || value < values[best]!)) best = i;
  });
  return best;
}
