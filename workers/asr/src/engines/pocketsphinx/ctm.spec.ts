import assert from 'node:assert/strict';
import { parseCtm } from './ctm.js';

describe('parseCtm', () => {
  it('groups words by utterance, in ms, without fillers or variant marks, confidence clamped', () => {
    const parsed = parseCtm(
      [
        'c3 1 0.20 0.16 and 0.308',
        'c3 1 0.37 0.25 <sil> 0.9',
        'c3 1 0.63 0.34 read(2) 1.004',
        'c4 1 1.00 0.50 [NOISE] 0.1',
        'c4 1 1.50 0.25 yes 0.5',
        '',
      ].join('\n'),
    );
    assert.deepEqual(parsed.get('c3'), [
      { word: 'and', startMs: 200, endMs: 360, confidence: 0.308 },
      { word: 'read', startMs: 630, endMs: 970, confidence: 1 },
    ]);
    assert.deepEqual(parsed.get('c4'), [{ word: 'yes', startMs: 1_500, endMs: 1_750, confidence: 0.5 }]);
  });
});
