import assert from 'node:assert/strict';
import { planChunks } from './chunk-plan.js';

const middle = (from: number, to: number) => (from + to) / 2;

describe('planChunks', () => {
  it('gives the voiced stretches between silences, padded into the silence', () => {
    const chunks = planChunks({
      durationMs: 10_000,
      silences: [
        { startMs: 0, endMs: 1_000 },
        { startMs: 4_000, endMs: 5_000 },
        { startMs: 9_000, endMs: 10_000 },
      ],
      maxChunkMs: 30_000,
      quietestBetween: middle,
    });
    assert.deepEqual(chunks, [
      { index: 0, startMs: 850, endMs: 4_150 },
      { index: 1, startMs: 4_850, endMs: 9_150 },
    ]);
  });

  it('gives nothing for a silent recording and drops clicks', () => {
    assert.deepEqual(
      planChunks({
        durationMs: 5_000,
        silences: [{ startMs: 0, endMs: 5_000 }],
        maxChunkMs: 30_000,
        quietestBetween: middle,
      }),
      [],
    );
    const clicks = planChunks({
      durationMs: 5_000,
      silences: [
        { startMs: 0, endMs: 2_000 },
        { startMs: 2_100, endMs: 5_000 },
      ],
      maxChunkMs: 30_000,
      quietestBetween: middle,
    });
    assert.deepEqual(clicks, []);
  });

  it('splits a long stretch at the quietest point, never past the maximum', () => {
    const asked: Array<[number, number]> = [];
    const chunks = planChunks({
      durationMs: 70_000,
      silences: [],
      maxChunkMs: 30_000,
      paddingMs: 0,
      quietestBetween: (from, to) => {
        asked.push([from, to]);
        return from + 5_000;
      },
    });
    assert.deepEqual(asked[0], [15_000, 30_000]);
    assert.deepEqual(
      chunks.map((c) => [c.startMs, c.endMs]),
      [
        [0, 20_000],
        [20_000, 40_000],
        [40_000, 70_000],
      ],
    );
    for (const chunk of chunks) assert.ok(chunk.endMs - chunk.startMs <= 30_000);
  });

  it('keeps a cut inside the allowed window even if the detector answers outside it', () => {
    const chunks = planChunks({
      durationMs: 40_000,
      silences: [],
      maxChunkMs: 30_000,
      paddingMs: 0,
      quietestBetween: () => 99_000,
    });
    assert.deepEqual(chunks[0], { index: 0, startMs: 0, endMs: 30_000 });
  });
});
