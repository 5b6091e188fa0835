/** A segment as talk time sees it. */
export interface TimedSegment {
  index: number;
  startMs: number;
  endMs: number;
  speakerLabel: string | null;
}

export interface SpeakerTalkTime {
  label: string;
  talkTimeMs: number;
  /** Share of all attributed talk time, 0 to 1. */
  share: number;
  /** Times the speaker took the floor: runs of consecutive segments of theirs. */
  turns: number;
}

/**
 * Talk time per speaker from the segments users read: each segment's length counts for its
 * speaker; a turn is a run of segments of one speaker (unattributed segments do not interrupt it).
 * @returns speakers in label order (S2 before S10).
 */
export function talkTimeBySpeaker(segments: readonly TimedSegment[]): SpeakerTalkTime[] {
  const bySpeaker = new Map<string, { talkTimeMs: number; turns: number }>();
  let previous: string | null = null;
  let total = 0;
  for (const segment of [...segments].sort((a, b) => a.index - b.index)) {
    const label = segment.speakerLabel;
    if (!label) continue;
    const entry = bySpeaker.get(label) ?? { talkTimeMs: 0, turns: 0 };
    const length = Math.max(0, segment.endMs - segment.startMs);
    entry.talkTimeMs += length;
    total += length;
    if (label !== previous) entry.turns += 1;
    bySpeaker.set(label, entry);
    previous = label;
  }
  return [...bySpeaker]
    .map(([label, entry]) => ({ label, ...entry, share: total === 0 ? 0 : entry.talkTimeMs / total }))
    .sort(byLabel);
}

/** S1, S2, …, S10: by number, not by text. */
export function byLabel(a: { label: string }, b: { label: string }): number {
  return a.label.length - b.label.length || a.label.localeCompare(b.label);
}
