/** An item of the new version, to be given the stable id of the item it continues, if any. */
export interface NewItem {
  text: string;
  segments: readonly number[];
}

/** An item the meeting already has (from earlier versions), with the words of its latest wording. */
export interface KnownItem {
  id: string;
  signature: readonly string[];
  /** The segments it cited the last time, and in which transcript. */
  segments: readonly number[];
  transcriptId: string;
}

/** At or above this, two wordings are the same item. */
const SAME_ITEM = 0.5;
/** Citing the same moment of the same transcript is strong evidence, worth this much similarity. */
const SAME_MOMENT_BONUS = 0.25;

/**
 * Words of an item reduced to what survives rewording: lower case, ≥ 3 letters, plural -s dropped,
 * cut to five letters (a cheap stem that works for English and Russian alike).
 */
export function itemSignature(text: string): string[] {
  const words =
    text
      .toLowerCase()
      .replace(/ё/g, 'е')
      .match(/[\p{L}\p{N}]+/gu) ?? [];
  return [
    ...new Set(
      words
        .filter((word) => word.length >= 3)
        .map((word) => (word.length > 4 && word.endsWith('s') ? word.slice(0, -1) : word).slice(0, 5)),
    ),
  ];
}

/**
 * Which known item each new item continues: the most similar pairs first, each known item used at
 * most once, so a regenerated report keeps the ids (and the owner's open/done ticks) of the items
 * it still contains, and new items get new ids.
 * @returns per new item, the known id it takes over, or null.
 */
export function matchItems(
  items: readonly NewItem[],
  known: readonly KnownItem[],
  transcriptId: string,
): Array<string | null> {
  const pairs: Array<{ item: number; known: number; score: number }> = [];
  items.forEach((item, i) => {
    const signature = itemSignature(item.text);
    known.forEach((candidate, k) => {
      let score = jaccard(signature, candidate.signature);
      if (
        candidate.transcriptId === transcriptId &&
        item.segments.some((s) => candidate.segments.includes(s))
      ) {
        score += SAME_MOMENT_BONUS;
      }
      if (score >= SAME_ITEM) pairs.push({ item: i, known: k, score });
    });
  });
  pairs.sort((a, b) => b.score - a.score || a.item - b.item);
  const result = items.map((): string | null => null);
  const taken = new Set<number>();
  for (const pair of pairs) {
    if (result[pair.item] !== null || taken.has(pair.known)) continue;
    result[pair.item] = known[pair.known]!.id;
    taken.add(pair.known);
  }
  return result;
}

function jaccard(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const right = new Set(b);
  const common = a.filter((word) => right.has(word)).length;
  return common / new Set([...a, ...b]).size;
}
