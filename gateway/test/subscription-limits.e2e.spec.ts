import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { graphqlClient } from '@mymeet/testing';
import { followToEnd, TRANSCRIPT_PROGRESS, watch, type WatchEnd } from './support/progress-watcher.js';
import { rawSubscriber } from './support/raw-subscriber.js';
import { startSubscriptionPlatform, type SubscriptionPlatform } from './support/subscription-platform.js';
import { publishRun, transcriptRun } from './support/worker-events.js';

const errorsOf = (end: WatchEnd) => (end.kind === 'errors' ? end.errors : []);
const codeOf = (end: WatchEnd) => errorsOf(end)[0]?.extensions?.code;

describe('subscriptions end to end: limits, sharing, slow clients, keep-alive', function () {
  this.timeout(120_000);
  let platform: SubscriptionPlatform;
  let alice: string;

  before(async () => {
    platform = await startSubscriptionPlatform({
      MAX_QUERY_DEPTH: '4',
      RATE_LIMIT_PER_MINUTE: '40',
      SUBSCRIPTION_MAX_CONNECTIONS_PER_USER: '6',
      SUBSCRIPTION_MAX_PER_CONNECTION: '2',
      SUBSCRIPTION_MAX_BACKLOG: '20',
      SUBSCRIPTION_KEEPALIVE_MS: '1500',
    });
    alice = await platform.token('alice');
  });

  afterEach(function () {
    if (this.currentTest?.state === 'failed') console.log(platform.gateway.output().slice(-5_000));
  });

  after(async () => {
    await platform?.stop();
  });

  it('applies the limits of HTTP requests to subscription operations', async () => {
    const meeting = await platform.createMeeting(alice, { title: 'Limits' });
    const refused = (query: string, variables: Record<string, unknown> = { meetingId: meeting.id }) =>
      watch(platform.wsUrl, alice, variables, { query }).ended;

    const deep = await refused(
      'subscription ($meetingId: ID!) { transcriptProgress(meetingId: $meetingId) { meeting { transcript { segments { pageInfo { hasNextPage } } } } } }',
    );
    assert.equal(codeOf(deep), 'QUERY_TOO_COMPLEX');
    assert.match(errorsOf(deep)[0]!.message, /depth/);
    const long = await refused(
      `subscription ($meetingId: ID!) { transcriptProgress(meetingId: $meetingId) { ${'cursor '.repeat(2_100)} } }`,
    );
    assert.equal(codeOf(long), 'QUERY_TOO_COMPLEX');
    const costly = await refused(
      `subscription ($meetingId: ID!) { transcriptProgress(meetingId: $meetingId) { ${Array.from(
        { length: 26 },
        (_, i) => `m${i}: meeting { participants { email } }`,
      ).join(' ')} } }`,
    );
    assert.equal(codeOf(costly), 'QUERY_TOO_COMPLEX');
    assert.match(errorsOf(costly)[0]!.message, /cost/);
    const invalid = await refused(
      'subscription ($meetingId: ID!) { transcriptProgress(meetingId: $meetingId) { nope } }',
    );
    assert.equal(codeOf(invalid), 'GRAPHQL_VALIDATION_FAILED');
    const badCursor = await refused(TRANSCRIPT_PROGRESS, { meetingId: meeting.id, after: 'abc' });
    assert.deepEqual(errorsOf(badCursor)[0]?.extensions, { code: 'BAD_USER_INPUT', field: 'after' });
    const query = await refused('{ meetings { edges { cursor } } }', {});
    assert.equal(codeOf(query), 'BAD_USER_INPUT');

    // Over HTTP a subscription is pointed to WebSocket rather than failing inside the executor.
    const overHttp = await graphqlClient(platform.graphqlUrl, alice)(TRANSCRIPT_PROGRESS, {
      meetingId: meeting.id,
    });
    assert.equal(overHttp.status, 400);
    assert.equal(overHttp.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    assert.match(overHttp.errors?.[0]?.message ?? '', /WebSocket/);
  });

  it('caps connections per user, subscriptions per connection, and subscribe floods', async () => {
    const bob = await platform.token('bob');
    const meeting = await platform.createMeeting(bob, { title: 'Caps' });
    const open = Array.from({ length: 6 }, () => watch(platform.wsUrl, bob, { meetingId: meeting.id }));
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const seventh = watch(platform.wsUrl, bob, { meetingId: meeting.id });
    assert.deepEqual(await seventh.ended, {
      kind: 'closed',
      code: 4429,
      reason: 'Too many connections for this user',
    });
    await Promise.all(open.map((connection) => connection.dispose()));

    // The server counts a connection until it has seen it close.
    await new Promise((resolve) => setTimeout(resolve, 500));
    // graphql-ws multiplexes: a third subscription on one connection is refused, the connection stays.
    const { createClient } = await import('graphql-ws');
    const client = createClient({
      url: platform.wsUrl,
      connectionParams: { authorization: `Bearer ${bob}` },
      retryAttempts: 0,
    });
    const outcomes = await Promise.all(
      [0, 1, 2].map(
        (i) =>
          new Promise<string>((resolve) => {
            client.subscribe(
              { query: TRANSCRIPT_PROGRESS, variables: { meetingId: meeting.id } },
              {
                next: () => undefined,
                error: (error) =>
                  resolve(
                    `error ${JSON.stringify(error)} ${(error as { code?: number }).code ?? ''} ${(error as { reason?: string }).reason ?? ''}`,
                  ),
                complete: () => resolve('complete'),
              },
            );
            if (i < 2) setTimeout(() => resolve('open'), 1_500);
          }),
      ),
    );
    await client.dispose();
    assert.deepEqual(outcomes.slice(0, 2), ['open', 'open']);
    assert.match(outcomes[2]!, /RATE_LIMITED/);
    assert.match(outcomes[2]!, /At most 2 subscriptions per connection/);

    const flooder = await platform.token('flooder');
    const missing = randomUUID();
    // Each attempt spends two of the 40 requests a minute (connection_init and subscribe).
    const flood: string[] = [];
    for (let i = 0; i < 25; i++) {
      const end = await watch(platform.wsUrl, flooder, { meetingId: missing }).ended;
      flood.push(end.kind === 'closed' ? `${end.code} ${end.reason}` : String(codeOf(end)));
    }
    const refused = (outcome: string) => outcome === 'RATE_LIMITED' || outcome === '4429 Too many requests';
    const firstRefusal = flood.findIndex(refused);
    assert.ok(firstRefusal >= 19, JSON.stringify(flood));
    assert.ok(
      flood.every((outcome) => outcome === 'NOT_FOUND' || refused(outcome)),
      JSON.stringify(flood),
    );
  });

  it('serves many subscribers of a meeting from one consumer and one entity fetch per event and scope', async () => {
    const tag = randomUUID().slice(0, 6);
    const emails = ['p1', 'p2', 'p3', 'p4'].map((name) => `share-${name}-${tag}@example.com`);
    const users = await Promise.all([
      platform.token('share-owner'),
      ...emails.map((email, i) => platform.token(`share-p${i + 1}`, email)),
    ]);
    const meeting = await platform.createMeeting(users[0]!, {
      title: 'All hands',
      participants: emails.map((email) => ({ email })),
    });
    const fetched = await graphqlClient(platform.graphqlUrl, users[1])(
      'query ($id: ID!) { meeting(id: $id) { id } }',
      {
        id: meeting.id,
      },
    );
    assert.ok(fetched.data?.meeting, `participant sees the meeting: ${JSON.stringify(fetched)}`);
    const query = `subscription ($meetingId: ID!) { transcriptProgress(meetingId: $meetingId) { cursor percent meeting { title status } } }`;
    const subscribers = users.flatMap((token) =>
      Array.from({ length: 6 }, () => watch(platform.wsUrl, token, { meetingId: meeting.id }, { query })),
    );
    await waitUntil(async () => (await consumersFor(platform, meeting.id)) >= 1);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const requestsBefore = await meetingsGraphqlRequests(platform);
    const run = transcriptRun(3);
    await publishRun(platform.nc, meeting.id, run, { delayMs: 50 });
    const ends = await Promise.all(subscribers.map((subscriber) => subscriber.ended));
    assert.ok(
      ends.every((end) => end.kind === 'completed'),
      JSON.stringify(ends.find((end) => end.kind !== 'completed')),
    );
    const requests = (await meetingsGraphqlRequests(platform)) - requestsBefore;
    assert.equal(await consumersFor(platform, meeting.id), 1);
    for (const subscriber of subscribers) {
      assert.equal(subscriber.events.length, run.steps.length);
      assert.deepEqual(subscriber.events.at(-1), {
        ...subscribers[0]!.events.at(-1),
        meeting: subscriber.events.at(-1)!.meeting,
      });
    }
    // 30 subscribers, 5 permission scopes: at most one `meeting(id)` per event and scope.
    assert.ok(
      requests <= run.steps.length * users.length,
      `${requests} calls for ${run.steps.length} events`,
    );
    assert.ok(requests >= run.steps.length, `${requests} calls`);
    console.log(
      `      ${subscribers.length} subscribers, ${run.steps.length} events: ${requests} meetings subgraph calls`,
    );
  });

  it('closes a client that cannot keep up with 4013; resuming from its last cursor loses nothing', async () => {
    const meeting = await platform.createMeeting(alice, { title: 'Slow reader' });
    const raw = await rawSubscriber(platform.wsUrl, alice, TRANSCRIPT_PROGRESS, { meetingId: meeting.id });
    await new Promise((resolve) => setTimeout(resolve, 500));
    raw.pause();
    const run = transcriptRun(0);
    const bulky = 'x'.repeat(64 * 1024);
    for (let index = 0; index < 300; index++) {
      run.steps.splice(-2, 0, {
        kind: 'transcript.segment',
        payload: {
          transcriptId: run.transcriptId,
          index,
          startMs: index * 10,
          endMs: index * 10 + 9,
          text: `${index} ${bulky}`,
        },
      });
    }
    await publishRun(platform.nc, meeting.id, run);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    raw.resume();
    assert.deepEqual(await raw.closed, {
      code: 4013,
      reason: 'Client too slow to keep up; resume from the last cursor',
    });
    assert.ok(
      raw.events.length < run.steps.length,
      `${raw.events.length} of ${run.steps.length} before the close`,
    );
    const last = raw.events.at(-1)?.cursor as string | undefined;
    const rest = await followToEnd<{ cursor: string; segment: { index: number } | null }>(
      platform.wsUrl,
      alice,
      meeting.id,
      {
        after: last,
      },
    );
    const all = [...raw.events, ...rest.events] as Array<{
      cursor: string;
      segment: { index: number } | null;
    }>;
    assert.equal(new Set(all.map((event) => event.cursor)).size, all.length, 'no duplicates');
    assert.deepEqual(
      all.filter((event) => event.segment).map((event) => event.segment!.index),
      Array.from({ length: 300 }, (_, i) => i),
    );
  });

  it('keeps answering clients alive and drops one that stops answering pings', async () => {
    const meeting = await platform.createMeeting(alice, { title: 'Keep-alive' });
    const silent = await rawSubscriber(
      platform.wsUrl,
      alice,
      TRANSCRIPT_PROGRESS,
      { meetingId: meeting.id },
      { autoPong: false },
    );
    const healthy = watch(platform.wsUrl, alice, { meetingId: meeting.id });
    const dropped = await silent.closed;
    assert.equal(dropped.code, 1006);
    const run = transcriptRun(1);
    await publishRun(platform.nc, meeting.id, run);
    assert.deepEqual(await healthy.ended, { kind: 'completed' });
    assert.equal(healthy.events.length, run.steps.length);
  });
});

async function consumersFor(platform: SubscriptionPlatform, meetingId: string): Promise<number> {
  const jsm = await platform.nc.jetstreamManager();
  const consumers = await jsm.consumers.list('EVENTS').next();
  return consumers.filter((consumer) => consumer?.config.filter_subject === `events.meeting.${meetingId}.>`)
    .length;
}

async function meetingsGraphqlRequests(platform: SubscriptionPlatform): Promise<number> {
  const text = await (await fetch(`${platform.meetingsUrl}/metrics`)).text();
  let total = 0;
  for (const line of text.split('\n')) {
    if (line.startsWith('http_request_duration_seconds_count') && line.includes('route="/graphql"')) {
      total += Number(line.split(' ').at(-1));
    }
  }
  return total;
}

async function waitUntil(probe: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
