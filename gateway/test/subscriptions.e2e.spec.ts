import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { graphqlClient } from '@mymeet/testing';
import { followToEnd, watch, type WatchEnd } from './support/progress-watcher.js';
import { startSubscriptionPlatform, type SubscriptionPlatform } from './support/subscription-platform.js';
import { publishRun, transcriptRun } from './support/worker-events.js';

interface Progress {
  cursor: string;
  meetingId: string;
  transcriptId: string;
  stage: string;
  percent: number;
  message: string | null;
  at: string;
  segment: { index: number; text: string } | null;
  meeting: { title: string } | null;
}

const completed = (end: WatchEnd) => assert.deepEqual(end, { kind: 'completed' });

/** Cursors strictly increase (stream order, no duplicates) and the percent never goes back. */
function assertOrdered(events: Progress[]): void {
  for (let i = 1; i < events.length; i++) {
    assert.ok(Number(events[i]!.cursor) > Number(events[i - 1]!.cursor), `cursor order at ${i}`);
    assert.ok(events[i]!.percent >= events[i - 1]!.percent, `percent went back at ${i}`);
  }
}

describe('subscriptions end to end: graphql-ws through the gateway process, fed by JetStream', function () {
  this.timeout(90_000);
  let platform: SubscriptionPlatform;
  let alice: string;

  before(async () => {
    platform = await startSubscriptionPlatform();
    alice = await platform.token('alice');
  });

  afterEach(function () {
    if (this.currentTest?.state === 'failed') console.log(platform.gateway.output().slice(-20_000));
  });

  after(async () => {
    await platform?.stop();
  });

  it('streams a run live from QUEUED to COMPLETED, with the meeting resolved, then completes', async () => {
    const meeting = await platform.createMeeting(alice, { title: 'Live standup' });
    const run = transcriptRun(5);
    const live = watch<Progress>(platform.wsUrl, alice, { meetingId: meeting.id });
    // Nothing has happened yet: no current state to send, so the first event is the first published.
    await new Promise((resolve) => setTimeout(resolve, 500));
    await publishRun(platform.nc, meeting.id, run);
    completed(await live.ended);
    const stages = live.events.map((event) => event.stage);
    assert.equal(live.events.length, run.steps.length);
    assert.equal(stages[0], 'QUEUED');
    assert.equal(stages.at(-1), 'COMPLETED');
    assert.equal(live.events.at(-1)!.percent, 100);
    assert.ok(stages.includes('DECODING') && stages.includes('TRANSCRIBING') && stages.includes('INDEXING'));
    assertOrdered(live.events);
    assert.deepEqual(
      live.events.filter((event) => event.segment).map((event) => event.segment!.index),
      [0, 1, 2, 3, 4],
    );
    for (const event of live.events) {
      assert.equal(event.meetingId, meeting.id);
      assert.equal(event.transcriptId, run.transcriptId);
      assert.deepEqual(event.meeting, { title: 'Live standup' });
    }
  });

  it('gives a late subscriber the current state first, then live events', async () => {
    const meeting = await platform.createMeeting(alice, { title: 'Late joiner' });
    const run = transcriptRun(4);
    await publishRun(platform.nc, meeting.id, run, { to: 6 });
    const late = watch<Progress>(platform.wsUrl, alice, { meetingId: meeting.id });
    await late.first;
    assert.equal(late.events.length, 1);
    const [current] = late.events;
    assert.equal(current!.stage, 'TRANSCRIBING');
    assert.equal(current!.segment, null);
    await publishRun(platform.nc, meeting.id, run, { from: 6 });
    completed(await late.ended);
    assert.equal(late.events.length, 1 + run.steps.length - 6);
    assert.equal(late.events.at(-1)!.stage, 'COMPLETED');
    assertOrdered(late.events);
  });

  it('replays every event after a cursor in order, without duplicates, then continues live', async () => {
    const meeting = await platform.createMeeting(alice, { title: 'Replay' });
    const run = transcriptRun(4);
    const reference = watch<Progress>(platform.wsUrl, alice, { meetingId: meeting.id });
    await new Promise((resolve) => setTimeout(resolve, 300));
    await publishRun(platform.nc, meeting.id, run, { to: 7 });
    const cursor = await waitFor(() => reference.events[2]?.cursor);
    await waitFor(() => reference.events.length >= 7 || undefined);
    const resumed = watch<Progress>(platform.wsUrl, alice, { meetingId: meeting.id, after: cursor });
    await waitFor(() => resumed.events.length >= 4 || undefined);
    await publishRun(platform.nc, meeting.id, run, { from: 7 });
    completed(await resumed.ended);
    completed(await reference.ended);
    assert.deepEqual(
      resumed.events.map((event) => event.cursor),
      reference.events.slice(3).map((event) => event.cursor),
    );
    assert.deepEqual(resumed.events, reference.events.slice(3));
  });

  it('survives a dropped connection: resuming from the last cursor misses and repeats nothing', async () => {
    const meeting = await platform.createMeeting(alice, { title: 'Flaky Wi-Fi' });
    const run = transcriptRun(10);
    const reference = watch<Progress>(platform.wsUrl, alice, { meetingId: meeting.id });
    await new Promise((resolve) => setTimeout(resolve, 300));
    let dropped = false;
    const following = followToEnd<Progress>(platform.wsUrl, alice, meeting.id, {
      onWatch: (connection, attempt) => {
        if (attempt !== 1) return;
        // Drop the first connection after a few events, while the run goes on.
        void waitFor(() => connection.events.length >= 5 || undefined).then(() => {
          connection.drop();
          dropped = true;
        });
      },
    });
    await publishRun(platform.nc, meeting.id, run, { delayMs: 30 });
    const { events, connections } = await following;
    completed(await reference.ended);
    assert.ok(dropped);
    assert.ok(connections >= 2, `expected a reconnect, got ${connections} connection(s)`);
    assert.deepEqual(
      events.map((event) => event.cursor),
      reference.events.map((event) => event.cursor),
    );
    assert.equal(events.length, run.steps.length);
    assertOrdered(events);
  });

  it('refuses connections without a valid token, and a meeting the user may not see looks missing', async () => {
    const meeting = await platform.createMeeting(alice, {
      title: 'Private',
      participants: [{ email: `carol@example.com` }],
    });
    const none = watch(platform.wsUrl, undefined, { meetingId: meeting.id });
    assert.deepEqual(await none.ended, { kind: 'closed', code: 4401, reason: 'Missing bearer token' });
    const forged = watch(platform.wsUrl, 'not.a.token', { meetingId: meeting.id });
    assert.deepEqual(await forged.ended, { kind: 'closed', code: 4403, reason: 'Invalid or expired token' });

    const mallory = await platform.token('mallory');
    const hidden = await watch(platform.wsUrl, mallory, { meetingId: meeting.id }).ended;
    const missing = await watch(platform.wsUrl, mallory, { meetingId: randomUUID() }).ended;
    const malformed = await watch(platform.wsUrl, mallory, { meetingId: 'events.>' }).ended;
    assert.deepEqual(hidden, {
      kind: 'errors',
      errors: [{ message: 'Meeting not found', extensions: { code: 'NOT_FOUND' } }],
    });
    assert.deepEqual(missing, hidden);
    assert.deepEqual(malformed, hidden);

    // A participant (matched by verified e-mail) may watch.
    const carol = await platform.token('carol', 'carol@example.com');
    const allowed = watch<Progress>(platform.wsUrl, carol, { meetingId: meeting.id });
    const run = transcriptRun(1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await publishRun(platform.nc, meeting.id, run);
    completed(await allowed.ended);
    assert.equal(allowed.events.length, run.steps.length);
  });

  it('cuts a participant off with NOT_FOUND once the owner removes them', async () => {
    const carol = await platform.token('carol2', 'carol2@example.com');
    const meeting = await platform.createMeeting(alice, {
      title: 'Shrinking',
      participants: [{ email: 'carol2@example.com' }],
    });
    const carolWatch = watch<Progress>(platform.wsUrl, carol, { meetingId: meeting.id });
    const aliceWatch = watch<Progress>(platform.wsUrl, alice, { meetingId: meeting.id });
    const run = transcriptRun(2);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await publishRun(platform.nc, meeting.id, run, { to: 3 });
    await waitFor(() => carolWatch.events.length >= 3 || undefined);
    const removed = await graphqlClient(platform.graphqlUrl, alice)(
      'mutation ($id: ID!) { updateMeeting(id: $id, input: { participants: [] }) { id } }',
      { id: meeting.id },
    );
    assert.equal(removed.errors, undefined, JSON.stringify(removed.errors));
    assert.deepEqual(await carolWatch.ended, {
      kind: 'errors',
      errors: [{ message: 'Meeting not found', extensions: { code: 'NOT_FOUND' } }],
    });
    await publishRun(platform.nc, meeting.id, run, { from: 3 });
    completed(await aliceWatch.ended);
    assert.equal(aliceWatch.events.length, run.steps.length);
  });

  it('ends every stream of a meeting with NOT_FOUND when the meeting is deleted', async () => {
    const meeting = await platform.createMeeting(alice, { title: 'Doomed' });
    const live = watch<Progress>(platform.wsUrl, alice, { meetingId: meeting.id });
    await new Promise((resolve) => setTimeout(resolve, 300));
    await publishRun(platform.nc, meeting.id, transcriptRun(1), { to: 2 });
    await waitFor(() => live.events.length >= 2 || undefined);
    const deleted = await graphqlClient(platform.graphqlUrl, alice)(
      'mutation ($id: ID!) { deleteMeeting(id: $id) }',
      {
        id: meeting.id,
      },
    );
    assert.deepEqual(deleted.data, { deleteMeeting: true });
    assert.deepEqual(await live.ended, {
      kind: 'errors',
      errors: [{ message: 'Meeting not found', extensions: { code: 'NOT_FOUND' } }],
    });
  });

  it('ends the connection with 4403 "Token expired" when the token expires mid-stream', async () => {
    const meeting = await platform.createMeeting(alice, { title: 'Short-lived token' });
    const shortLived = await platform.token('alice', undefined, '3s');
    const started = Date.now();
    const expiring = watch<Progress>(platform.wsUrl, shortLived, { meetingId: meeting.id });
    assert.deepEqual(await expiring.ended, { kind: 'closed', code: 4403, reason: 'Token expired' });
    assert.ok(Date.now() - started >= 1_000);
  });
});

async function waitFor<T>(probe: () => T | undefined, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
