import assert from 'node:assert/strict';
import { FeedLog } from './feed-log.js';
import type { FeedEntry, StreamEvent } from './feeds/progress-feed.js';
import { transcriptProgressFeed } from './feeds/transcript-progress.feed.js';
import type { MeetingTopic } from './meeting-topic.js';
import { SocketSession } from './socket-session.js';
import { SubscriptionStream } from './subscription-stream.js';

const T = '11111111-1111-4111-8111-111111111111';

function harness(options: { after?: number; maxBacklog?: number; capacity?: number } = {}) {
  let now = 0;
  const log = new FeedLog(options.capacity ?? 1_000, () => now);
  const state = transcriptProgressFeed.initialState();
  const history: StreamEvent[] = [];
  const subscribers = new Set<SubscriptionStream>();
  const closes: Array<[number, string]> = [];
  const topic = {
    log: () => log,
    snapshot: () => ({ current: transcriptProgressFeed.current(state), position: log.end }),
    attach: (s: SubscriptionStream) => subscribers.add(s),
    detach: (s: SubscriptionStream) => subscribers.delete(s),
  } as unknown as MeetingTopic;
  let released = 0;
  // What the socket was handed; the write completes at once unless the client is `stalled`.
  const sent: Array<{ cursor: string; percent: number; stage: string }> = [];
  const stalled: Array<() => void> = [];
  let stall = false;
  const session = new SocketSession(
    { sub: 'u', roles: [] },
    'scope',
    Date.now() + 60_000,
    options.maxBacklog ?? 1_000,
    {
      send: (parts, done) => {
        sent.push((JSON.parse(Buffer.concat(parts).toString()) as { payload: { data: never } }).payload.data);
        if (stall) stalled.push(() => done());
        else queueMicrotask(() => done());
      },
      close: (code, reason) => void closes.push([code, reason]),
    },
  );
  let seq = 0;
  const publish = (kind: string, payload: Record<string, unknown>) => {
    const event: StreamEvent = {
      seq: ++seq,
      kind,
      meetingId: 'm',
      occurredAt: new Date().toISOString(),
      payload,
    };
    history.push(event);
    const entry = transcriptProgressFeed.apply(state, event);
    if (entry) {
      log.append(entry);
      for (const subscriber of subscribers) subscriber.appended();
    }
  };
  const stream = () =>
    new SubscriptionStream({
      lease: { topic, release: () => void (released += 1) },
      feed: transcriptProgressFeed,
      session,
      after: options.after,
      id: 'op-1',
      payload: (entry: FeedEntry) =>
        Buffer.from(
          JSON.stringify({
            data: { cursor: entry.fields.cursor, percent: entry.fields.percent, stage: entry.fields.stage },
          }),
        ),
      history: () =>
        (async function* () {
          yield* history;
        })(),
      settings: { mergeAfterMs: 1_000 },
    });
  const advance = (ms: number) => void (now += ms);
  const setStall = (on: boolean) => {
    stall = on;
    if (!on) for (const release of stalled.splice(0)) release();
  };
  return { publish, stream, closes, released: () => released, subscribers, log, advance, sent, setStall };
}

const cursors = (sent: Array<{ cursor: string }>) => sent.map((message) => message.cursor);

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 1_000 && !condition(); i++) await new Promise((resolve) => setImmediate(resolve));
}

describe('SubscriptionStream', () => {
  it('skips progress a later entry of its run supersedes once it is behind, never segments or the end', async () => {
    const h = harness({ after: 0 });
    const stream = h.stream();
    const ended = stream.next();
    h.publish('transcript.queued', { transcriptId: T });
    for (let percent = 1; percent <= 10; percent++) {
      h.publish('transcript.progress', { transcriptId: T, stage: 'TRANSCRIBING', percent });
    }
    // The client has not taken any of it for two seconds: it is slow.
    h.advance(2_000);
    h.publish('transcript.segment', { transcriptId: T, index: 0, startMs: 0, endMs: 1, text: 'a' });
    h.publish('transcript.progress', { transcriptId: T, stage: 'TRANSCRIBING', percent: 50 });
    h.publish('transcript.ready', { transcriptId: T, segmentCount: 1, wordCount: 1 });
    assert.deepEqual(await ended, { value: undefined, done: true });
    // The first entry went out at once; the progress that then waited is superseded by the segment
    // (it carries the run's stage and percent); fresh entries all go; the segment and the end always do.
    assert.deepEqual(cursors(h.sent), ['1', '12', '13', '14']);
    assert.deepEqual(h.sent[1], { cursor: '12', percent: 10, stage: 'TRANSCRIBING' });
    assert.deepEqual(h.sent.at(-1), { cursor: '14', percent: 100, stage: 'COMPLETED' });
    assert.equal(stream.merged, 10);
    assert.equal(h.released(), 1);
    assert.equal(h.subscribers.size, 0);
  });

  it('delivers a burst a live client keeps up with, and a replay after a cursor, in full', async () => {
    const live = harness({ after: 0 });
    const liveStream = live.stream();
    const liveEnded = liveStream.next();
    for (let percent = 1; percent <= 30; percent++) {
      live.publish('transcript.progress', { transcriptId: T, stage: 'TRANSCRIBING', percent });
    }
    live.publish('transcript.ready', { transcriptId: T, segmentCount: 0, wordCount: 0 });
    await liveEnded;
    assert.equal(live.sent.length, 31);
    assert.equal(liveStream.merged, 0);

    const h = harness({ after: 1 });
    h.publish('transcript.queued', { transcriptId: T });
    for (let percent = 1; percent <= 10; percent++) {
      h.publish('transcript.progress', { transcriptId: T, stage: 'TRANSCRIBING', percent });
    }
    h.publish('transcript.ready', { transcriptId: T, segmentCount: 0, wordCount: 0 });
    h.advance(60_000);
    const stream = h.stream();
    await stream.next();
    assert.deepEqual(cursors(h.sent), ['2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12']);
    assert.equal(stream.merged, 0);
  });

  it('starts a subscriber without a cursor at the current state, then follows live', async () => {
    const h = harness();
    h.publish('transcript.progress', { transcriptId: T, stage: 'DECODING', percent: 7 });
    const stream = h.stream();
    const ended = stream.next();
    assert.deepEqual(cursors(h.sent), ['1']);
    await until(() => false);
    h.publish('transcript.failed', { transcriptId: T, reason: 'x' });
    assert.deepEqual(await ended, { value: undefined, done: true });
    assert.deepEqual(h.sent.at(-1), { cursor: '2', percent: 7, stage: 'FAILED' });
  });

  it('closes the socket when a live subscription owes more than the backlog allows', async () => {
    const h = harness({ after: 0, maxBacklog: 3 });
    const stream = h.stream();
    void stream.next();
    h.setStall(true);
    h.publish('transcript.queued', { transcriptId: T });
    // The socket has not taken the entry just sent; everything after it is owed.
    for (let index = 0; index < 3; index++) {
      h.publish('transcript.segment', { transcriptId: T, index, startMs: 0, endMs: 1, text: 'x' });
    }
    assert.deepEqual(h.closes, []);
    h.publish('transcript.segment', { transcriptId: T, index: 3, startMs: 0, endMs: 1, text: 'x' });
    assert.deepEqual(h.closes, [[4013, 'Client too slow to keep up; resume from the last cursor']]);
    assert.deepEqual(cursors(h.sent), ['1']);
  });

  it('ends with NOT_FOUND when revoked', async () => {
    const h = harness({ after: 0 });
    const stream = h.stream();
    const next = stream.next();
    stream.revoke();
    await assert.rejects(next, (error: Error & { extensions?: { code?: string } }) => {
      assert.equal(error.extensions?.code, 'NOT_FOUND');
      return true;
    });
    assert.equal(h.released(), 1);
  });

  it('replays from the stream a cursor older than the log keeps, then joins the log', async () => {
    const h = harness({ after: 2, capacity: 10 });
    for (let index = 0; index < 15; index++) {
      h.publish('transcript.segment', { transcriptId: T, index, startMs: 0, endMs: 1, text: 'x' });
    }
    assert.ok(h.log.droppedThroughSeq > 2);
    const stream = h.stream();
    void stream.next();
    await until(() => h.sent.length >= 13);
    h.publish('transcript.segment', { transcriptId: T, index: 15, startMs: 0, endMs: 1, text: 'x' });
    await until(() => h.sent.length >= 14);
    assert.deepEqual(
      cursors(h.sent),
      Array.from({ length: 14 }, (_, i) => String(i + 3)),
    );
    await stream.return();
  });
});
