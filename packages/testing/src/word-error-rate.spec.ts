import assert from 'node:assert/strict';
import { wordErrorRate } from './word-error-rate.js';

describe('wordErrorRate', () => {
  it('counts substitutions, deletions and insertions against the reference length', () => {
    assert.equal(wordErrorRate('the cat sat on the mat', 'the cat sat on the mat'), 0);
    assert.equal(wordErrorRate('the cat sat on the mat', 'The cat, sat on a mat.'), 1 / 6);
    assert.equal(wordErrorRate('the cat sat', 'the sat'), 1 / 3);
    assert.equal(wordErrorRate('the cat', 'the big fat cat'), 1);
  });
});
