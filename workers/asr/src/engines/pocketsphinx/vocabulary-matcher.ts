import { readFile } from 'node:fs/promises';
import type { RecognisedWord } from '../speech-engine.port.js';

export type Pronounce = (word: string) => string[];

/** The first pronunciation of each word in a CMU-style dictionary (`word PH ON ES`). */
export async function loadPronunciations(dictPath: string): Promise<Map<string, string[]>> {
  const dictionary = new Map<string, string[]>();
  for (const line of (await readFile(dictPath, 'utf8')).split('\n')) {
    const [head, ...phones] = line.trim().split(/\s+/);
    if (!head || phones.length === 0 || head.includes('(')) continue;
    dictionary.set(
      head.toLowerCase(),
      phones.map((p) => p.replace(/\d$/, '')),
    );
  }
  return dictionary;
}

const DIGRAPHS: Record<string, string[]> = {
  sh: ['SH'],
  ch: ['CH'],
  th: ['TH'],
  ph: ['F'],
  ck: ['K'],
  ng: ['NG'],
  qu: ['K', 'W'],
  ee: ['IY'],
  ea: ['IY'],
  oo: ['UW'],
  ou: ['AW'],
  ow: ['OW'],
  ai: ['EY'],
  ay: ['EY'],
  oi: ['OY'],
  au: ['AO'],
  er: ['ER'],
  wh: ['W'],
};
const LETTERS: Record<string, string[]> = {
  a: ['AE'],
  b: ['B'],
  c: ['K'],
  d: ['D'],
  e: ['EH'],
  f: ['F'],
  g: ['G'],
  h: ['HH'],
  i: ['IH'],
  j: ['JH'],
  k: ['K'],
  l: ['L'],
  m: ['M'],
  n: ['N'],
  o: ['AA'],
  p: ['P'],
  q: ['K'],
  r: ['R'],
  s: ['S'],
  t: ['T'],
  u: ['AH'],
  v: ['V'],
  w: ['W'],
  x: ['K', 'S'],
  y: ['Y'],
  z: ['Z'],
};

/** A rough letter-to-sound guess for a word the dictionary lacks (a product name, a surname). */
export function guessPronunciation(word: string): string[] {
  const letters = word.toLowerCase().replace(/[^a-z]/g, '');
  const phones: string[] = [];
  for (let i = 0; i < letters.length;) {
    const pair = DIGRAPHS[letters.slice(i, i + 2)];
    if (pair) {
      phones.push(...pair);
      i += 2;
      continue;
    }
    const letter = letters[i]!;
    if (!(letter === 'e' && i === letters.length - 1) && letters[i + 1] !== letter)
      phones.push(...(LETTERS[letter] ?? []));
    i++;
  }
  return phones;
}

const VOWELS = new Set([
  'AA',
  'AE',
  'AH',
  'AO',
  'AW',
  'AY',
  'EH',
  'ER',
  'EY',
  'IH',
  'IY',
  'OW',
  'OY',
  'UH',
  'UW',
]);
const VOICING_PAIRS = new Set(['S Z', 'T D', 'P B', 'K G', 'F V', 'TH DH', 'SH ZH', 'CH JH']);

/** Vowels and voiced/voiceless pairs are what recognisers confuse most: they cost half. */
function substitution(a: string, b: string): number {
  if (a === b) return 0;
  if (VOWELS.has(a) && VOWELS.has(b)) return 0.5;
  return VOICING_PAIRS.has(`${a} ${b}`) || VOICING_PAIRS.has(`${b} ${a}`) ? 0.5 : 1;
}

function editDistance(a: readonly string[], b: readonly string[]): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++)
      next.push(Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + substitution(a[i - 1]!, b[j - 1]!)));
    row = next;
  }
  return row[b.length]!;
}

/**
 * Custom vocabulary for an engine whose language model cannot take new words at run time
 * (PocketSphinx's binary LM): runs of recognised words that sound like a term (phone edit distance
 * within 30 % of the term's length) are replaced by the term.
 */
export class VocabularyMatcher {
  private readonly terms: Array<{ text: string; phones: string[]; words: number }>;

  constructor(
    vocabulary: readonly string[],
    private readonly pronounce: Pronounce,
  ) {
    this.terms = vocabulary
      .map((text) => text.trim())
      .filter(Boolean)
      .map((text) => ({
        text,
        phones: text.split(/\s+/).flatMap((w) => pronounce(w)),
        words: text.split(/\s+/).length,
      }))
      .filter((term) => term.phones.length >= 4);
  }

  apply(words: readonly RecognisedWord[]): RecognisedWord[] {
    if (this.terms.length === 0) return [...words];
    const result = [...words];
    for (const term of this.terms) {
      const allowed = Math.max(1, Math.floor(term.phones.length * 0.3));
      for (let start = 0; start < result.length; start++) {
        let best: { end: number; distance: number } | undefined;
        for (let end = start + 1; end <= Math.min(result.length, start + term.words + 2); end++) {
          const span = result.slice(start, end);
          if (span.map((w) => w.word.toLowerCase()).join(' ') === term.text.toLowerCase()) break;
          const distance = editDistance(
            term.phones,
            span.flatMap((w) => this.pronounce(w.word)),
          );
          if (distance <= allowed && (!best || distance < best.distance)) best = { end, distance };
        }
        if (!best) continue;
        const span = result.slice(start, best.end);
        const confidences = span.map((w) => w.confidence).filter((c): c is number => c !== undefined);
        result.splice(start, span.length, {
          word: term.text,
          startMs: span[0]!.startMs,
          endMs: span[span.length - 1]!.endMs,
          confidence: confidences.length ? Math.min(...confidences) : undefined,
        });
      }
    }
    return result;
  }
}
