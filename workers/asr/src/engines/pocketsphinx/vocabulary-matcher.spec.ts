import assert from 'node:assert/strict';
import { guessPronunciation, VocabularyMatcher } from './vocabulary-matcher.js';

const dictionary: Record<string, string[]> = {
  guess: ['G', 'EH', 'S'],
  would: ['W', 'UH', 'D'],
  mister: ['M', 'IH', 'S', 'T', 'ER'],
  john: ['JH', 'AA', 'N'],
  dashwood: ['D', 'AE', 'SH', 'W', 'UH', 'D'],
  sore: ['S', 'AO', 'R'],
  blot: ['B', 'L', 'AA', 'T'],
  the: ['DH', 'AH'],
  team: ['T', 'IY', 'M'],
};
const pronounce = (word: string) => dictionary[word.toLowerCase()] ?? guessPronunciation(word);
const words = (text: string) =>
  text.split(' ').map((word, i) => ({ word, startMs: i * 100, endMs: i * 100 + 90, confidence: 0.5 }));

describe('VocabularyMatcher', () => {
  it('replaces a run of words that sounds like a term, keeping its time span', () => {
    const matched = new VocabularyMatcher(['Zorblat'], pronounce).apply(words('the sore blot team'));
    assert.deepEqual(
      matched.map((w) => w.word),
      ['the', 'Zorblat', 'team'],
    );
    assert.deepEqual([matched[1]!.startMs, matched[1]!.endMs], [100, 290]);
  });

  it('leaves words alone that do not sound like any term', () => {
    const matched = new VocabularyMatcher(['Zorblat'], pronounce).apply(words('mister john team'));
    assert.deepEqual(
      matched.map((w) => w.word),
      ['mister', 'john', 'team'],
    );
  });

  it('guesses a pronunciation for unknown words', () => {
    assert.deepEqual(guessPronunciation('Zorblat'), ['Z', 'AA', 'R', 'B', 'L', 'AE', 'T']);
    assert.deepEqual(guessPronunciation('Shane'), ['SH', 'AE', 'N']);
  });
});
