import assert from 'node:assert/strict';
import { itemSignature, matchItems, type KnownItem } from './item-matching.js';

const T = 'transcript-1';
const known = (id: string, text: string, segments: number[] = [], transcriptId = T): KnownItem => ({
  id,
  signature: itemSignature(text),
  segments,
  transcriptId,
});

describe('matching items across report versions', () => {
  it('keeps the id of an item reworded by the next version, and gives new items none', () => {
    const ids = matchItems(
      [
        { text: 'Bob sends the updated release plan to customers', segments: [40] },
        { text: 'Order new laptops for the support team', segments: [50] },
      ],
      [known('a', 'Send the release plan to the customers', [11])],
      T,
    );
    assert.deepEqual(ids, ['a', null]);
  });

  it('uses each known item once, for its closest match', () => {
    const ids = matchItems(
      [
        { text: 'Review the export profiling results', segments: [1] },
        { text: 'Review the export profiling results and report back', segments: [2] },
      ],
      [known('a', 'Review the export profiling results and report back')],
      T,
    );
    assert.deepEqual(ids, [null, 'a']);
  });

  it('counts citing the same moment of the same transcript as evidence', () => {
    const items = [{ text: 'Dave checks profiling', segments: [13] }];
    assert.deepEqual(matchItems(items, [known('a', 'Dave reviews the export profiling results', [13])], T), [
      'a',
    ]);
    assert.deepEqual(
      matchItems(items, [known('a', 'Dave reviews the export profiling results', [13], 'other')], T),
      [null],
    );
  });

  it('works on Russian wording', () => {
    const ids = matchItems(
      [{ text: 'Борис отправляет клиентам обновлённый план релиза', segments: [3] }],
      [known('a', 'Борис отправит клиентам обновлённый план релиза до пятницы')],
      'x',
    );
    assert.deepEqual(ids, ['a']);
  });
});
