import assert from 'node:assert/strict';
import { batchChunks } from './chunk-batches.js';

const chunk = (index: number, seconds: number) => ({
  index,
  startMs: index * 100_000,
  endMs: index * 100_000 + seconds * 1000,
});

describe('batchChunks', () => {
  it('fills batches up to the audio length, keeping order, never splitting a chunk', () => {
    const batches = batchChunks(
      [chunk(0, 20), chunk(1, 30), chunk(2, 50), chunk(3, 90), chunk(4, 5)],
      60_000,
    );
    assert.deepEqual(
      batches.map((b) => b.map((c) => c.index)),
      [[0, 1], [2], [3], [4]],
    );
  });

  it('gives one chunk per batch for engines without start-up cost', () => {
    assert.equal(batchChunks([chunk(0, 1), chunk(1, 1)], 0).length, 2);
  });
});
