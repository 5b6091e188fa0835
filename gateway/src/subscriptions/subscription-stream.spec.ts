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
  const session = new SocketSession(
    { sub: 'u', roles: [] },
    'scope',
    Date.now() + 60_000,
    options.maxBacklog ?? 1_000,
    (code, reason) => closes.push([code, reason]),
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
      render: (entry: FeedEntry) => ({
        data: { cursor: entry.fields.cursor, percent: entry.fields.percent, stage: entry.fields.stage },
      }),
      history: () =>
        (async function* () {
          yield* history;
        })(),
      settings: { mergeAfterMs: 1_000 },
    });
  const advance = (ms: number) => void (now += ms);
  return { publish, stream, closes, released: () => released, subscribers, log, advance };
}

const cursorOf = (result: IteratorResult<{ data?: unknown }>) =>
  (result.value?.data as { cursor: string } | undefined)?.cursor;

describe('SubscriptionStream', () => {
  it('skips progress a later entry of its run supersedes once it is behind, never segments or the end', async () => {
    const h = harness({ after: 0 });
    const stream = h.stream();
    // Caught up (waiting for the next entry) when the burst comes.
    const first = stream.next();
    h.publish('transcript.queued', { transcriptId: T });
    for (let percent = 1; percent <= 10; percent++) {
      h.publish('transcript.progress', { transcriptId: T, stage: 'TRANSCRIBING', percent });
    }
    // The client has not taken any of it for two seconds: it is slow.
    h.advance(2_000);
    h.publish('transcript.segment', { transcriptId: T, index: 0, startMs: 0, endMs: 1, text: 'a' });
    h.publish('transcript.progress', { transcriptId: T, stage: 'TRANSCRIBING', percent: 50 });
    h.publish('transcript.ready', { transcriptId: T, segmentCount: 1, wordCount: 1 });
    const received: Array<{ cursor: string; percent: number; stage: string }> = [
      (await first).value!.data as never,
    ];
    for await (const result of stream) received.push(result.data as never);
    // Every progress entry that waited before the segment is superseded by it (it carries the
    // run's stage and percent); fresh entries all arrive; the segment and the end always do.
    assert.deepEqual(
      received.map((r) => r.cursor),
      ['12', '13', '14'],
    );
    assert.deepEqual(received[0], { cursor: '12', percent: 10, stage: 'TRANSCRIBING' });
    assert.deepEqual(received.at(-1), { cursor: '14', percent: 100, stage: 'COMPLETED' });
    assert.equal(stream.merged, 11);
    assert.equal(h.released(), 1);
    assert.equal(h.subscribers.size, 0);
  });

  it('delivers a burst a live client keeps up with, and a replay after a cursor, in full', async () => {
    const live = harness({ after: 0 });
    const liveStream = live.stream();
    const firstLive = liveStream.next();
    for (let percent = 1; percent <= 30; percent++) {
      live.publish('transcript.progress', { transcriptId: T, stage: 'TRANSCRIBING', percent });
    }
    live.publish('transcript.ready', { transcriptId: T, segmentCount: 0, wordCount: 0 });
    let count = (await firstLive).done ? 0 : 1;
    for await (const _ of liveStream) count += 1;
    assert.equal(count, 31);
    assert.equal(liveStream.merged, 0);

    const h = harness({ after: 1 });
    h.publish('transcript.queued', { transcriptId: T });
    for (let percent = 1; percent <= 10; percent++) {
      h.publish('transcript.progress', { transcriptId: T, stage: 'TRANSCRIBING', percent });
    }
    h.publish('transcript.ready', { transcriptId: T, segmentCount: 0, wordCount: 0 });
    h.advance(60_000);
    const stream = h.stream();
    const cursors: string[] = [];
    for await (const result of stream) cursors.push((result.data as { cursor: string }).cursor);
    assert.deepEqual(cursors, ['2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12']);
    assert.equal(stream.merged, 0);
  });

  it('starts a subscriber without a cursor at the current state, then follows live', async () => {
    const h = harness();
    h.publish('transcript.progress', { transcriptId: T, stage: 'DECODING', percent: 7 });
    const stream = h.stream();
    assert.equal(cursorOf(await stream.next()), '1');
    const next = stream.next();
    h.publish('transcript.failed', { transcriptId: T, reason: 'x' });
    assert.deepEqual((await next).value?.data, { cursor: '2', percent: 7, stage: 'FAILED' });
    assert.equal((await stream.next()).done, true);
  });

  it('closes the socket when a live subscription owes more than the backlog allows', async () => {
    const h = harness({ after: 0, maxBacklog: 3 });
    const stream = h.stream();
    const waiting = stream.next();
    h.publish('transcript.queued', { transcriptId: T });
    await waiting;
    // The socket is busy sending the entry just taken; everything after it is owed.
    for (let index = 0; index < 3; index++) {
      h.publish('transcript.segment', { transcriptId: T, index, startMs: 0, endMs: 1, text: 'x' });
    }
    assert.deepEqual(h.closes, []);
    h.publish('transcript.segment', { transcriptId: T, index: 3, startMs: 0, endMs: 1, text: 'x' });
    h.publish('transcript.segment', { transcriptId: T, index: 4, startMs: 0, endMs: 1, text: 'x' });
    assert.deepEqual(h.closes, [[4013, 'Client too slow to keep up; resume from the last cursor']]);
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
    const cursors: string[] = [];
    for (let i = 0; i < 13; i++) cursors.push(cursorOf(await stream.next())!);
    assert.deepEqual(
      cursors,
      Array.from({ length: 13 }, (_, i) => String(i + 3)),
    );
    await stream.return();
  });
});
