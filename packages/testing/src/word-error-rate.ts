/** Lower case, digits and apostrophes kept, punctuation dropped: how recognisers and references are compared. */
export function normaliseWords(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9' ]+/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
}

/** Word error rate: (substitutions + deletions + insertions) / reference words. */
export function wordErrorRate(reference: string, hypothesis: string): number {
  const ref = normaliseWords(reference);
  const hyp = normaliseWords(hypothesis);
  return ref.length === 0 ? (hyp.length === 0 ? 0 : 1) : wordEdits(ref, hyp) / ref.length;
}

/** The word-level edit distance between two word lists. */
export function wordEdits(ref: readonly string[], hyp: readonly string[]): number {
  let row = Array.from({ length: hyp.length + 1 }, (_, j) => j);
  for (let i = 1; i <= ref.length; i++) {
    const next = [i];
    for (let j = 1; j <= hyp.length; j++)
      next.push(Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (ref[i - 1] === hyp[j - 1] ? 0 : 1)));
    row = next;
  }
  return row[hyp.length]!;
}
