import assert from 'node:assert/strict';
import { attributeSpeakers } from './speaker-attribution.js';
import type { SpeakerTurn } from './speaker-diarizer.port.js';

const turns: SpeakerTurn[] = [
  { startMs: 0, endMs: 2_000, speaker: 'S1' },
  { startMs: 2_100, endMs: 5_000, speaker: 'S2' },
  { startMs: 9_000, endMs: 10_000, speaker: 'S1' },
];

describe('attributeSpeakers', () => {
  it('splits a passage at the word where the speaker changes', () => {
    const words = [
      { word: 'we', startMs: 200, endMs: 500 },
      { word: 'agree', startMs: 600, endMs: 1_900 },
      { word: 'not', startMs: 2_200, endMs: 2_600 },
      { word: 'yet', startMs: 2_700, endMs: 3_000 },
    ];
    assert.deepEqual(
      attributeSpeakers({ startMs: 200, endMs: 3_000, text: 'We agree. Not yet.', words }, turns),
      [
        { startMs: 200, endMs: 1_900, text: 'we agree', speaker: 'S1' },
        { startMs: 2_200, endMs: 3_000, text: 'not yet', speaker: 'S2' },
      ],
    );
  });

  it("keeps the engine's own text when one speaker says the whole passage", () => {
    const words = [{ word: 'hello', startMs: 2_500, endMs: 3_000 }];
    assert.deepEqual(attributeSpeakers({ startMs: 2_500, endMs: 3_000, text: 'Hello!', words }, turns), [
      { startMs: 2_500, endMs: 3_000, text: 'Hello!', speaker: 'S2' },
    ]);
  });

  it('splits at the change itself when the engine gives no word times, sharing the words by time', () => {
    const text = 'one two three four five six seven eight nine ten';
    assert.deepEqual(attributeSpeakers({ startMs: 0, endMs: 5_000, text, words: [] }, turns), [
      { startMs: 0, endMs: 2_100, text: 'one two three four', speaker: 'S1' },
      { startMs: 2_100, endMs: 5_000, text: 'five six seven eight nine ten', speaker: 'S2' },
    ]);
  });

  it('gives a passage in a pause to the nearest turn within a second, else to nobody', () => {
    assert.equal(
      attributeSpeakers({ startMs: 5_400, endMs: 5_900, text: 'uh', words: [] }, turns)[0]!.speaker,
      'S2',
    );
    assert.equal(
      attributeSpeakers({ startMs: 6_500, endMs: 7_000, text: 'uh', words: [] }, turns)[0]!.speaker,
      null,
    );
    assert.equal(attributeSpeakers({ startMs: 0, endMs: 100, text: 'hi', words: [] }, [])[0]!.speaker, null);
  });
});
