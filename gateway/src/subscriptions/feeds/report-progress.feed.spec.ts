import assert from 'node:assert/strict';
import type { StreamEvent } from './progress-feed.js';
import { reportProgressFeed as feed } from './report-progress.feed.js';

const R = '33333333-3333-4333-8333-333333333333';
let seq = 0;
const event = (kind: string, payload: Record<string, unknown>): StreamEvent => ({
  seq: ++seq,
  kind,
  meetingId: 'm',
  occurredAt: new Date().toISOString(),
  payload,
});

describe('reportProgress feed', () => {
  it('maps QUEUED → GENERATING → READY and ends the run', () => {
    const state = feed.initialState();
    const entries = [
      event('report.queued', { reportId: R }),
      event('report.progress', { reportId: R, stage: 'READING', percent: 20 }),
      event('report.progress', { reportId: R, stage: 'ANALYSING', percent: 10 }),
      event('report.generated', { reportId: R, model: 'extractive' }),
      event('report.completed', { reportId: R }),
      event('report.progress', { reportId: R, stage: 'RENDERING', percent: 99 }),
    ].map((e) => feed.apply(state, e));
    assert.deepEqual(
      entries.map((entry) => entry && [entry.fields.status, entry.fields.percent, entry.terminal]),
      [
        ['QUEUED', 0, false],
        ['GENERATING', 20, false],
        ['GENERATING', 20, false],
        ['GENERATING', 20, false],
        ['READY', 100, true],
        undefined,
      ],
    );
    assert.equal(entries[0]!.fields.reportId, R);
  });

  it('ends a failed run with its reason', () => {
    const state = feed.initialState();
    const failed = feed.apply(state, event('report.failed', { reportId: R, reason: 'No transcript' }))!;
    assert.deepEqual(
      [failed.fields.status, failed.fields.message, failed.terminal],
      ['FAILED', 'No transcript', true],
    );
    assert.equal(feed.current(state), failed);
  });
});
