/** Anything with content terms: sentences, candidate phrases. */
export interface Rankable {
  terms: readonly string[];
}

export interface TextRankOptions {
  damping: number;
  iterations: number;
  tolerance: number;
}

const DEFAULTS: TextRankOptions = { damping: 0.85, iterations: 50, tolerance: 1e-6 };

/**
 * TextRank (Mihalcea & Tarau, 2004): sentences vote for the sentences they share words with,
 * weighted by overlap / (log |a| + log |b|), and PageRank over that graph gives each one its
 * centrality. Pairs are found through an inverted index, so only sentences sharing a term are compared.
 * @returns a score per item, summing to the number of items.
 */
export function textRank(items: readonly Rankable[], options: Partial<TextRankOptions> = {}): number[] {
  const { damping, iterations, tolerance } = { ...DEFAULTS, ...options };
  const n = items.length;
  if (n === 0) return [];
  const sets = items.map((item) => new Set(item.terms));
  const edges: Array<Map<number, number>> = sets.map(() => new Map());
  const postings = new Map<string, number[]>();
  sets.forEach((set, i) => {
    for (const term of set) {
      const list = postings.get(term);
      if (list) list.push(i);
      else postings.set(term, [i]);
    }
  });
  const overlaps: Array<Map<number, number>> = sets.map(() => new Map());
  for (const list of postings.values()) {
    for (let a = 0; a < list.length; a++) {
      for (let b = a + 1; b < list.length; b++) {
        const i = list[a]!;
        const j = list[b]!;
        overlaps[i]!.set(j, (overlaps[i]!.get(j) ?? 0) + 1);
      }
    }
  }
  overlaps.forEach((row, i) => {
    for (const [j, common] of row) {
      const weight = common / (Math.log(1 + sets[i]!.size) + Math.log(1 + sets[j]!.size));
      edges[i]!.set(j, weight);
      edges[j]!.set(i, weight);
    }
  });
  const outWeight = edges.map((row) => [...row.values()].reduce((sum, w) => sum + w, 0));
  let scores = new Array<number>(n).fill(1);
  for (let iteration = 0; iteration < iterations; iteration++) {
    const next = new Array<number>(n).fill(1 - damping);
    for (let j = 0; j < n; j++) {
      if (outWeight[j] === 0) continue;
      const share = (damping * scores[j]!) / outWeight[j]!;
      for (const [i, weight] of edges[j]!) next[i]! += share * weight;
    }
    const change = next.reduce((sum, value, i) => sum + Math.abs(value - scores[i]!), 0);
    scores = next;
    if (change < tolerance * n) break;
  }
  return scores;
}

/** Word overlap of two term lists (Jaccard), for deduplication and diversity. */
export function similarity(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const left = new Set(a);
  const right = new Set(b);
  let common = 0;
  for (const term of left) if (right.has(term)) common++;
  return common / (left.size + right.size - common);
}

/**
 * Maximal marginal relevance: picks `count` items by score, each time discounting those too
 * similar to what is already picked, so a summary does not say the same thing three times.
 */
export function pickDiverse<T extends Rankable>(
  candidates: ReadonlyArray<{ item: T; score: number }>,
  count: number,
  lambda = 0.7,
): T[] {
  const pool = [...candidates];
  const picked: T[] = [];
  const top = Math.max(...pool.map((c) => c.score), 1e-9);
  while (picked.length < count && pool.length > 0) {
    let bestIndex = 0;
    let bestValue = -Infinity;
    pool.forEach((candidate, index) => {
      const redundancy = Math.max(0, ...picked.map((p) => similarity(p.terms, candidate.item.terms)));
      const value = lambda * (candidate.score / top) - (1 - lambda) * redundancy;
      if (value > bestValue) {
        bestValue = value;
        bestIndex = index;
      }
    });
    const [chosen] = pool.splice(bestIndex, 1);
    if (picked.every((p) => similarity(p.terms, chosen!.item.terms) < 0.8)) picked.push(chosen!.item);
  }
  return picked;
}
