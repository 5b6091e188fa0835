import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { quietestPoint, readPcm, wavFromPcm } from './pcm-audio.js';

describe('pcm audio', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pcm-spec-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('finds the quiet gap inside loud audio and reads ranges by time', () => {
    const samples = new Int16Array(16_000 * 3);
    for (let i = 0; i < samples.length; i++) {
      const quiet = i >= 16_000 * 1.7 && i < 16_000 * 1.9;
      samples[i] = quiet ? 0 : Math.round(8_000 * Math.sin(i / 5));
    }
    const path = join(dir, 'a.pcm');
    writeFileSync(path, Buffer.from(samples.buffer));
    const quiet = quietestPoint(path, 1_000, 3_000);
    assert.ok(quiet >= 1_700 && quiet <= 1_900, `got ${quiet}`);
    assert.equal(readPcm(path, 1_000, 1_500).length, 16_000);
    assert.equal(readPcm(path, 2_500, 9_000).length, 16_000);
  });

  it('writes a standard WAV header', () => {
    const wav = wavFromPcm(Buffer.alloc(320));
    assert.equal(wav.length, 364);
    assert.equal(wav.toString('ascii', 0, 4), 'RIFF');
    assert.equal(wav.readUInt32LE(24), 16_000);
    assert.equal(wav.readUInt32LE(40), 320);
  });
});
