import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import type { NatsConnection } from 'nats';
import { graphqlClient, repoRoot } from '@mymeet/testing';
import { startOwnNats, type OwnNats } from './support/own-nats.js';
import { followToEnd, watch, type Watch } from './support/progress-watcher.js';
import { startSubscriptionPlatform, type SubscriptionPlatform } from './support/subscription-platform.js';
import { publishRun, transcriptRun, type RunScript } from './support/worker-events.js';

interface Progress {
  cursor: string;
  stage: string;
  percent: number;
  segment: { index: number } | null;
}

/** The stream sequences of the meeting's transcript events: what a complete subscription receives. */
async function transcriptSequences(nc: NatsConnection, meetingId: string): Promise<string[]> {
  const consumer = await nc
    .jetstream()
    .consumers.get('EVENTS', { filterSubjects: `events.meeting.${meetingId}.>` });
  const sequences: string[] = [];
  for (;;) {
    const message = await consumer.next({ expires: 2_000 });
    if (!message) break;
    if (message.subject.includes('.transcript.')) sequences.push(String(message.seq));
    if (message.info.pending === 0) break;
  }
  await consumer.delete().catch(() => undefined);
  return sequences;
}

/** The union a reconnecting client received is the whole run: every event once, in order, percent never back. */
async function assertComplete(nc: NatsConnection, meetingId: string, run: RunScript, events: Progress[]) {
  assert.deepEqual(
    events.map((event) => event.cursor),
    await transcriptSequences(nc, meetingId),
  );
  assert.equal(events.length, run.steps.length);
  for (let i = 1; i < events.length; i++) assert.ok(events[i]!.percent >= events[i - 1]!.percent);
  assert.equal(events.at(-1)!.stage, 'COMPLETED');
}

const waitFor = async (probe: () => boolean, timeoutMs = 20_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!probe()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
};

/** Publishes, retrying while NATS is away (a worker's publish would be redelivered the same way). */
async function publishSurely(
  nc: NatsConnection,
  meetingId: string,
  run: RunScript,
  from: number,
  to?: number,
) {
  for (let index = from; index < (to ?? run.steps.length); index++) {
    for (let attempt = 0; ; attempt++) {
      try {
        await publishRun(nc, meetingId, run, { from: index, to: index + 1 });
        break;
      } catch (error) {
        if (attempt > 100) throw error;
        await new Promise((r) => setTimeout(r, 200));
      }
    }
  }
}

describe('subscriptions chaos: gateway crash, NATS restart, shutdown, supergraph reload', function () {
  this.timeout(180_000);

  describe('on the run NATS', () => {
    let platform: SubscriptionPlatform;
    let alice: string;
    let workDir: string;
    let supergraphPath: string;

    before(async () => {
      workDir = mkdtempSync(join(tmpdir(), 'mymeet-supergraph-'));
      supergraphPath = join(workDir, 'supergraph.graphql');
      copyFileSync(resolve(repoRoot, 'supergraph.graphql'), supergraphPath);
      platform = await startSubscriptionPlatform({
        SUPERGRAPH_PATH: supergraphPath,
        SUPERGRAPH_POLL_MS: '200',
      });
      alice = await platform.token('alice');
    });

    afterEach(function () {
      if (this.currentTest?.state === 'failed') console.log(platform.gateway.output().slice(-5_000));
    });

    after(async () => {
      await platform?.stop();
      rmSync(workDir, { recursive: true, force: true });
    });

    it('a client resumes with its last cursor after the gateway is killed mid-stream, missing nothing', async () => {
      const meeting = await platform.createMeeting(alice, { title: 'Crash' });
      const run = transcriptRun(12);
      let first: Watch<Progress> | undefined;
      const following = followToEnd<Progress>(platform.wsUrl, alice, meeting.id, {
        deadlineMs: 90_000,
        onWatch: (connection, attempt) => {
          if (attempt === 1) first = connection;
        },
      });
      await new Promise((r) => setTimeout(r, 500));
      await publishRun(platform.nc, meeting.id, run, { to: 10 });
      await waitFor(() => (first?.events.length ?? 0) >= 10);
      await platform.gateway.kill('SIGKILL');
      // The run goes on while no gateway is up.
      await publishRun(platform.nc, meeting.id, run, { from: 10, to: 20 });
      await platform.restartGateway();
      await publishRun(platform.nc, meeting.id, run, { from: 20, delayMs: 10 });
      const { events, connections } = await following;
      assert.ok(connections >= 2);
      await assertComplete(platform.nc, meeting.id, run, events);
    });

    it('closes every socket with 1001 going-away on shutdown; the client resumes on the next instance', async () => {
      const meeting = await platform.createMeeting(alice, { title: 'Deploy' });
      const run = transcriptRun(4);
      const ends: unknown[] = [];
      const following = followToEnd<Progress>(platform.wsUrl, alice, meeting.id, {
        deadlineMs: 60_000,
        onWatch: (connection) => void connection.ended.then((end) => ends.push(end)),
      });
      await new Promise((r) => setTimeout(r, 500));
      await publishRun(platform.nc, meeting.id, run, { to: 5 });
      await new Promise((r) => setTimeout(r, 300));
      await platform.restartGateway();
      await publishRun(platform.nc, meeting.id, run, { from: 5 });
      const { events } = await following;
      assert.deepEqual(ends[0], { kind: 'closed', code: 1001, reason: 'Going away' });
      await assertComplete(platform.nc, meeting.id, run, events);
    });

    it('keeps live subscriptions through a supergraph reload and serves the new supergraph', async () => {
      const meeting = await platform.createMeeting(alice, { title: 'Reload' });
      const run = transcriptRun(4);
      const live = watch<Progress>(platform.wsUrl, alice, { meetingId: meeting.id });
      await new Promise((r) => setTimeout(r, 500));
      await publishRun(platform.nc, meeting.id, run, { to: 5 });
      await waitFor(() => live.events.length >= 5);

      const asAlice = graphqlClient(platform.graphqlUrl, alice);
      const mediaQuery = '{ mediaAsset(id: "00000000-0000-4000-8000-000000000000") { id } }';
      // Served before (media is not running here, so only validation matters).
      assert.notEqual((await asAlice(mediaQuery)).errors?.[0]?.extensions?.code, 'GRAPHQL_VALIDATION_FAILED');
      // A new composition without the media subgraph goes live.
      writeFileSync(supergraphPath, composeWithout('media'));
      for (const deadline = Date.now() + 20_000; ;) {
        const code = (await asAlice(mediaQuery)).errors?.[0]?.extensions?.code;
        if (code === 'GRAPHQL_VALIDATION_FAILED') break;
        if (Date.now() > deadline) throw new Error('supergraph was not reloaded');
        await new Promise((r) => setTimeout(r, 200));
      }
      const afterReload = watch<Progress>(platform.wsUrl, alice, { meetingId: meeting.id });
      await afterReload.first;
      await publishRun(platform.nc, meeting.id, run, { from: 5 });
      assert.deepEqual(await live.ended, { kind: 'completed' });
      assert.deepEqual(await afterReload.ended, { kind: 'completed' });
      await assertComplete(platform.nc, meeting.id, run, live.events);
      assert.equal(afterReload.events.at(-1)!.stage, 'COMPLETED');
      // A supergraph that does not load is refused; the current one stays.
      writeFileSync(supergraphPath, 'not a supergraph');
      await new Promise((r) => setTimeout(r, 800));
      assert.equal((await asAlice(mediaQuery)).errors?.[0]?.extensions?.code, 'GRAPHQL_VALIDATION_FAILED');
      assert.ok((await asAlice('{ meetings { edges { cursor } } }')).data);
    });
  });

  describe('on a NATS the test restarts', () => {
    let nats: OwnNats;
    let platform: SubscriptionPlatform;

    before(async () => {
      nats = await startOwnNats();
      platform = await startSubscriptionPlatform({}, nats.url);
    });

    afterEach(function () {
      if (this.currentTest?.state === 'failed') console.log(platform.gateway.output().slice(-5_000));
    });

    after(async () => {
      await platform?.stop();
      await nats?.stop();
    });

    it('a subscription spans a NATS restart mid-stream and the client misses nothing', async () => {
      const alice = await platform.token('alice');
      const meeting = await platform.createMeeting(alice, { title: 'NATS restart' });
      const run = transcriptRun(8);
      let first: Watch<Progress> | undefined;
      const following = followToEnd<Progress>(platform.wsUrl, alice, meeting.id, {
        deadlineMs: 120_000,
        onWatch: (connection, attempt) => {
          if (attempt === 1) first = connection;
        },
      });
      await new Promise((r) => setTimeout(r, 500));
      await publishRun(platform.nc, meeting.id, run, { to: 8 });
      await waitFor(() => (first?.events.length ?? 0) >= 8);
      await nats.restart(1_000);
      await publishSurely(platform.nc, meeting.id, run, 8);
      const { events } = await following;
      await assertComplete(platform.nc, meeting.id, run, events);
    });
  });
});

function composeWithout(omitted: string): string {
  const names = ['meetings', 'media', 'transcripts'].filter((name) => name !== omitted);
  const result = composeServices(
    names.map((name) => ({
      name,
      url: `http://127.0.0.1:1/${name}`,
      typeDefs: parse(readFileSync(resolve(repoRoot, 'subgraphs', name, 'schema.graphql'), 'utf8')),
    })),
  );
  if (result.errors?.length) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return result.supergraphSdl!;
}
