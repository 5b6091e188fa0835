import assert from 'node:assert/strict';
import { FeedLog } from './feed-log.js';
import type { FeedEntry } from './feeds/progress-feed.js';

const entry = (seq: number, mergeable = false): FeedEntry => ({
  seq,
  runId: 'r',
  fields: {},
  terminal: false,
  mergeable,
});

describe('FeedLog', () => {
  it('finds positions by sequence and counts what cannot be merged away', () => {
    const log = new FeedLog(100);
    for (const seq of [3, 5, 9, 12]) log.append(entry(seq, seq === 5));
    assert.equal(log.positionAfter(0), 0);
    assert.equal(log.positionAfter(5), 2);
    assert.equal(log.positionAfter(6), 2);
    assert.equal(log.positionAfter(12), 4);
    assert.equal(log.fixedFrom(0), 3);
    assert.equal(log.fixedFrom(2), 2);
    assert.equal(log.fixedFrom(4), 0);
  });

  it('drops the oldest entries past its capacity and keeps positions absolute', () => {
    const log = new FeedLog(10);
    for (let seq = 1; seq <= 11; seq++) log.append(entry(seq));
    assert.equal(log.start, 1);
    assert.equal(log.end, 11);
    assert.equal(log.droppedThroughSeq, 1);
    assert.equal(log.at(0), undefined);
    assert.equal(log.at(1)!.seq, 2);
    assert.equal(log.positionAfter(5), 5);
    assert.equal(log.fixedFrom(0), 10);
  });
});
