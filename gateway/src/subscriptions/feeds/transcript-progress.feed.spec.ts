import assert from 'node:assert/strict';
import type { FeedEntry, StreamEvent } from './progress-feed.js';
import { transcriptProgressFeed as feed } from './transcript-progress.feed.js';

const T1 = '11111111-1111-4111-8111-111111111111';
const T2 = '22222222-2222-4222-8222-222222222222';
let seq = 0;
const event = (kind: string, payload: Record<string, unknown>): StreamEvent => ({
  seq: ++seq,
  kind,
  meetingId: 'm',
  occurredAt: new Date(1_700_000_000_000 + seq).toISOString(),
  payload,
});

function run(events: StreamEvent[]) {
  const state = feed.initialState();
  const entries = events.map((e) => feed.apply(state, e));
  return { state, entries };
}

const view = (entry: FeedEntry | undefined) =>
  entry && { stage: entry.fields.stage, percent: entry.fields.percent, terminal: entry.terminal };

describe('transcriptProgress feed', () => {
  it('maps a run from QUEUED through the worker stages to COMPLETED', () => {
    const { entries } = run([
      event('transcript.queued', { transcriptId: T1 }),
      event('transcript.progress', { transcriptId: T1, stage: 'DECODING', percent: 5 }),
      event('transcript.segment', { transcriptId: T1, index: 0, startMs: 0, endMs: 900, text: 'hello' }),
      event('transcript.progress', { transcriptId: T1, stage: 'TRANSCRIBING', percent: 60 }),
      event('transcript.completed', { transcriptId: T1, engine: 'x', durationSeconds: 1, segmentCount: 1 }),
      event('transcript.ready', { transcriptId: T1, segmentCount: 1, wordCount: 1 }),
    ]);
    assert.deepEqual(entries.map(view), [
      { stage: 'QUEUED', percent: 0, terminal: false },
      { stage: 'DECODING', percent: 5, terminal: false },
      { stage: 'TRANSCRIBING', percent: 5, terminal: false },
      { stage: 'TRANSCRIBING', percent: 60, terminal: false },
      { stage: 'INDEXING', percent: 60, terminal: false },
      { stage: 'COMPLETED', percent: 100, terminal: true },
    ]);
    const segment = entries[2]!;
    assert.equal(segment.mergeable, false);
    assert.deepEqual(segment.fields.segment, {
      transcriptId: T1,
      index: 0,
      startMs: 0,
      endMs: 900,
      speaker: null,
      text: 'hello',
      confidence: null,
      rawText: 'hello',
      edited: false,
    });
    assert.equal(entries[1]!.mergeable, true);
    assert.equal(entries[5]!.fields.cursor, String(entries[5]!.seq));
  });

  it('never moves a run back: a late lower percent or an earlier stage changes nothing', () => {
    const { entries } = run([
      event('transcript.progress', { transcriptId: T1, stage: 'TRANSCRIBING', percent: 50 }),
      event('transcript.queued', { transcriptId: T1 }),
      event('transcript.progress', { transcriptId: T1, stage: 'DECODING', percent: 8 }),
      // A progress report never ends a run; only its outcome does.
      event('transcript.progress', { transcriptId: T1, stage: 'COMPLETED', percent: 99 }),
    ]);
    assert.deepEqual(entries.map(view), [
      { stage: 'TRANSCRIBING', percent: 50, terminal: false },
      { stage: 'TRANSCRIBING', percent: 50, terminal: false },
      { stage: 'TRANSCRIBING', percent: 50, terminal: false },
      { stage: 'INDEXING', percent: 99, terminal: false },
    ]);
  });

  it('ends a run on failure with its reason, shows nothing of it afterwards, and keeps runs apart', () => {
    const { state, entries } = run([
      event('transcript.progress', { transcriptId: T1, stage: 'DECODING', percent: 30 }),
      event('transcript.failed', { transcriptId: T1, reason: 'No speech found' }),
      event('transcript.segment', { transcriptId: T1, index: 3, startMs: 0, endMs: 1, text: 'late' }),
      event('media.ready', { transcriptId: T2, mediaId: T2 }),
      event('media.rejected', { mediaId: T2, reason: 'not audio' }),
    ]);
    assert.deepEqual(view(entries[1]), { stage: 'FAILED', percent: 30, terminal: true });
    assert.equal(entries[1]!.fields.message, 'No speech found');
    assert.equal(entries[2], undefined);
    assert.deepEqual(view(entries[3]), { stage: 'QUEUED', percent: 0, terminal: false });
    assert.equal(entries[3]!.runId, T2);
    assert.equal(entries[4], undefined);
    assert.deepEqual(view(feed.current(state)), { stage: 'QUEUED', percent: 0, terminal: false });
  });

  it('gives a late subscriber the current state without the last segment', () => {
    const { state } = run([
      event('transcript.progress', { transcriptId: T1, stage: 'TRANSCRIBING', percent: 40 }),
      event('transcript.segment', { transcriptId: T1, index: 0, startMs: 0, endMs: 1, text: 'hi' }),
    ]);
    const current = feed.current(state)!;
    assert.equal(current.fields.segment, null);
    assert.equal(current.fields.percent, 40);
    assert.equal(current.mergeable, true);
    assert.equal(feed.current(feed.initialState()), undefined);
  });
});
