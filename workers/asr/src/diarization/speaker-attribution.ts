import type { SpeakerTurn } from './speaker-diarizer.port.js';

/** A recognised passage before speakers are known: the engine's text, and its words where it timed them. */
export interface RecognisedPassage {
  startMs: number;
  endMs: number;
  text: string;
  words: ReadonlyArray<{ word: string; startMs: number; endMs: number }>;
}

/** A passage of one speaker (null when no turn is near it). */
export interface AttributedPassage {
  startMs: number;
  endMs: number;
  text: string;
  speaker: string | null;
}

/** A word or a stretch counts as a speaker's if it lies this close to one of its turns. */
const NEAREST_TURN_MS = 1_000;

/**
 * Gives a recognised passage its speaker, splitting it where the speaker changes: at word
 * boundaries when the engine timed its words (each word goes to the speaker it overlaps most),
 * otherwise at the change itself, the text divided in proportion to each speaker's time.
 * @param turns the diarization, in time order.
 */
export function attributeSpeakers(
  passage: RecognisedPassage,
  turns: readonly SpeakerTurn[],
): AttributedPassage[] {
  const nearby = turnsAround(turns, passage.startMs, passage.endMs);
  if (passage.words.length > 0) return splitAtWords(passage, nearby);
  return splitAtChanges(passage, nearby);
}

function splitAtWords(passage: RecognisedPassage, turns: readonly SpeakerTurn[]): AttributedPassage[] {
  const groups: Array<{ speaker: string | null; words: RecognisedPassage['words'][number][] }> = [];
  for (const word of passage.words) {
    const speaker = speakerOf(turns, word.startMs, word.endMs);
    const last = groups.at(-1);
    if (last && last.speaker === speaker) last.words.push(word);
    else groups.push({ speaker, words: [word] });
  }
  if (groups.length === 1) {
    return [
      { startMs: passage.startMs, endMs: passage.endMs, text: passage.text, speaker: groups[0]!.speaker },
    ];
  }
  return groups.map((group) => ({
    startMs: group.words[0]!.startMs,
    endMs: group.words.at(-1)!.endMs,
    text: group.words
      .map((word) => word.word.trim())
      .filter(Boolean)
      .join(' '),
    speaker: group.speaker,
  }));
}

function splitAtChanges(passage: RecognisedPassage, turns: readonly SpeakerTurn[]): AttributedPassage[] {
  const spans: Array<{ startMs: number; endMs: number; speaker: string }> = [];
  for (const turn of turns) {
    const startMs = Math.max(passage.startMs, turn.startMs);
    const endMs = Math.min(passage.endMs, turn.endMs);
    if (endMs <= startMs) continue;
    const last = spans.at(-1);
    if (last && last.speaker === turn.speaker) last.endMs = endMs;
    else spans.push({ startMs, endMs, speaker: turn.speaker });
  }
  const words = passage.text.split(/\s+/).filter(Boolean);
  if (spans.length <= 1 || words.length < 2) {
    const speaker = spans[0]?.speaker ?? speakerOf(turns, passage.startMs, passage.endMs);
    return [{ ...passage, speaker }];
  }
  // Pauses between the turns belong to the speaker before them.
  spans[0]!.startMs = passage.startMs;
  for (let i = 1; i < spans.length; i++) spans[i - 1]!.endMs = spans[i]!.startMs;
  spans.at(-1)!.endMs = passage.endMs;
  const total = passage.endMs - passage.startMs;
  const pieces: AttributedPassage[] = [];
  let taken = 0;
  spans.forEach((span, i) => {
    const until =
      i === spans.length - 1
        ? words.length
        : Math.round((words.length * (span.endMs - passage.startMs)) / total);
    const share = words.slice(taken, Math.max(taken, until));
    taken = Math.max(taken, until);
    if (share.length > 0)
      pieces.push({ startMs: span.startMs, endMs: span.endMs, text: share.join(' '), speaker: span.speaker });
  });
  return pieces;
}

/** The speaker a stretch overlaps most, else the nearest turn's within reach, else null. */
function speakerOf(turns: readonly SpeakerTurn[], startMs: number, endMs: number): string | null {
  const overlap = new Map<string, number>();
  let nearest: { speaker: string; gap: number } | null = null;
  for (const turn of turns) {
    const shared = Math.min(endMs, turn.endMs) - Math.max(startMs, turn.startMs);
    if (shared > 0) overlap.set(turn.speaker, (overlap.get(turn.speaker) ?? 0) + shared);
    const gap = Math.max(turn.startMs - endMs, startMs - turn.endMs, 0);
    if (!nearest || gap < nearest.gap) nearest = { speaker: turn.speaker, gap };
  }
  if (overlap.size > 0) return [...overlap].sort((a, b) => b[1] - a[1])[0]![0];
  return nearest && nearest.gap <= NEAREST_TURN_MS ? nearest.speaker : null;
}

/** Turns within reach of a stretch, found by binary search (a 3-hour meeting has thousands). */
function turnsAround(turns: readonly SpeakerTurn[], startMs: number, endMs: number): SpeakerTurn[] {
  let low = 0;
  let high = turns.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (turns[middle]!.endMs < startMs - NEAREST_TURN_MS) low = middle + 1;
    else high = middle;
  }
  const result: SpeakerTurn[] = [];
  for (let i = low; i < turns.length && turns[i]!.startMs <= endMs + NEAREST_TURN_MS; i++)
    result.push(turns[i]!);
  return result;
}
