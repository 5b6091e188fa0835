import assert from 'node:assert/strict';
import { SilenceLog } from './silence-log.js';

describe('SilenceLog', () => {
  it('pairs starts and ends and closes a trailing silence at the end', () => {
    const log = new SilenceLog();
    for (const line of [
      '[silencedetect @ 0x55d] silence_start: -0.0015',
      '[silencedetect @ 0x55d] silence_end: 1.2 | silence_duration: 1.2',
      'size=N/A time=00:00:03.00 bitrate=N/A speed= 300x',
      '[silencedetect @ 0x55d] silence_start: 4.5',
    ])
      log.read(line);
    assert.deepEqual(log.silences(6_000), [
      { startMs: 0, endMs: 1_200 },
      { startMs: 4_500, endMs: 6_000 },
    ]);
  });
});
