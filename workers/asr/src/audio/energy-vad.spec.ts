import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { detectSilences } from './energy-vad.js';

/** 1 s of silence or hiss, 2 s of tone, 1 s quiet, 2 s tone, 1 s quiet. */
function recording(noise: number): Buffer {
  const samples = new Int16Array(16_000 * 7);
  let seed = 12345;
  for (let i = 0; i < samples.length; i++) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    const hiss = (seed / 0x7fffffff - 0.5) * 2 * noise * 32_767;
    const t = i / 16_000;
    const voiced = (t >= 1 && t < 3) || (t >= 4 && t < 6);
    samples[i] = Math.round(hiss + (voiced ? 10_000 * Math.sin(i / 4) : 0));
  }
  return Buffer.from(samples.buffer);
}

describe('detectSilences', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vad-spec-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  for (const noise of [0, 0.02, 0.05]) {
    it(`finds the pauses between voiced stretches with noise ${noise}`, () => {
      const path = join(dir, `n${noise}.pcm`);
      writeFileSync(path, recording(noise));
      const silences = detectSilences(path, { minSilenceMs: 400, floorDb: -50 });
      assert.deepEqual(
        silences.map((s) => [Math.round(s.startMs / 100) / 10, Math.round(s.endMs / 100) / 10]),
        [
          [0, 1],
          [3, 4],
          [6, 7],
        ],
      );
    });
  }

  it('treats steady noise alone as silence', () => {
    const path = join(dir, 'hiss.pcm');
    const samples = new Int16Array(16_000 * 3).map((_, i) => Math.round(((i * 7919) % 1000) - 500));
    writeFileSync(path, Buffer.from(samples.buffer));
    assert.deepEqual(detectSilences(path, { minSilenceMs: 400, floorDb: -50 }), [
      { startMs: 0, endMs: 3_000 },
    ]);
  });
});
