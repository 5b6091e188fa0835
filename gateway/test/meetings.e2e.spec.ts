import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { mintDevToken } from '@mymeet/auth';
import { createLogger } from '@mymeet/core';
import { deleteConsumersWithPrefix } from '@mymeet/messaging';
import {
  dropDatabase,
  errorCode,
  freePort,
  graphqlClient,
  repoRoot,
  spawnService,
  testDatabaseUrl,
  testNatsUrl,
  testSecrets,
  type SpawnedService,
} from '@mymeet/testing';
import { loadGatewayConfig } from '../src/config.js';
import { startGateway, type RunningGateway } from '../src/gateway-server.js';

const MEETING_FIELDS =
  'id title status platform language joinUrl scheduledAt participants { email name } viewerIsOwner createdAt updatedAt';

describe('gateway end to end: meetings through the composed supergraph', function () {
  this.timeout(60_000);
  const secrets = testSecrets();
  const databaseUrl = testDatabaseUrl('gateway_e2e');
  const consumerPrefix = `gateway-e2e-${randomUUID().slice(0, 8)}`;
  let meetings: SpawnedService;
  let gateway: RunningGateway;
  let asAlice: ReturnType<typeof graphqlClient>;
  let asBob: ReturnType<typeof graphqlClient>;
  let asCarol: ReturnType<typeof graphqlClient>;

  const startGatewayWith = (overrides: Record<string, string>) =>
    startGateway(
      loadGatewayConfig({
        ...secrets,
        GATEWAY_PORT: '0',
        GATEWAY_METRICS_PORT: '0',
        SUPERGRAPH_PATH: resolve(repoRoot, 'supergraph.graphql'),
        MEETINGS_SUBGRAPH_URL: `${meetings.url}/graphql`,
        ...overrides,
      }),
      createLogger('gateway-test', 'silent'),
    );

  before(async () => {
    const port = await freePort();
    meetings = await spawnService('subgraphs/meetings/dist/src/main.js', port, {
      ...secrets,
      MEETINGS_PORT: String(port),
      MEETINGS_DATABASE_URL: databaseUrl,
      MEETINGS_CONSUMER_PREFIX: consumerPrefix,
      MEETINGS_CONSUMER_START: 'new',
      NATS_URL: testNatsUrl(),
      LOG_LEVEL: 'warn',
    });
    gateway = await startGatewayWith({});
    const token = (sub: string, email: string) => mintDevToken(secrets.JWT_SECRET, { sub, email });
    asAlice = graphqlClient(`${gateway.url}/graphql`, await token('alice', 'alice@example.com'));
    asBob = graphqlClient(`${gateway.url}/graphql`, await token('bob', 'bob@example.com'));
    asCarol = graphqlClient(`${gateway.url}/graphql`, await token('carol', 'carol@example.com'));
  });

  after(async () => {
    await gateway?.stop();
    await meetings?.stop();
    await dropDatabase(databaseUrl);
    await deleteConsumersWithPrefix(testNatsUrl(), consumerPrefix);
  });

  async function createMeeting(input: Record<string, unknown>) {
    const response = await asAlice(
      `mutation ($input: CreateMeetingInput!) { createMeeting(input: $input) { ${MEETING_FIELDS} } }`,
      { input },
    );
    assert.equal(response.errors, undefined, JSON.stringify(response.errors));
    return (response.data as any).createMeeting;
  }

  it('creates, reads, lists, updates and deletes a meeting', async () => {
    const created = await createMeeting({
      title: 'Quarterly planning',
      joinUrl: 'https://meet.google.com/abc-defg-hij',
      language: 'en',
      scheduledAt: '2030-01-15T09:00:00.000Z',
      participants: [{ email: 'carol@example.com', name: 'Carol' }],
    });
    assert.equal(created.status, 'SCHEDULED');
    assert.equal(created.platform, 'GOOGLE_MEET');
    assert.equal(created.viewerIsOwner, true);
    assert.deepEqual(created.participants, [{ email: 'carol@example.com', name: 'Carol' }]);

    const read = await asAlice('query ($id: ID!) { meeting(id: $id) { id title } }', { id: created.id });
    assert.deepEqual(read.data, { meeting: { id: created.id, title: 'Quarterly planning' } });

    const listed = await asAlice(
      '{ meetings(first: 10) { edges { node { id } } pageInfo { hasNextPage } } }',
    );
    assert.ok((listed.data as any).meetings.edges.some((edge: any) => edge.node.id === created.id));

    const updated = await asAlice(
      'mutation ($id: ID!) { updateMeeting(id: $id, input: { title: "Q1 planning", joinUrl: "https://teams.microsoft.com/l/meetup-join/x" }) { title platform } }',
      { id: created.id },
    );
    assert.deepEqual(updated.data, { updateMeeting: { title: 'Q1 planning', platform: 'TEAMS' } });

    const deleted = await asAlice('mutation ($id: ID!) { deleteMeeting(id: $id) }', { id: created.id });
    assert.deepEqual(deleted.data, { deleteMeeting: true });
    const gone = await asAlice('query ($id: ID!) { meeting(id: $id) { id } }', { id: created.id });
    assert.deepEqual(gone.data, { meeting: null });
  });

  it("keeps a user's meeting from everyone but its owner and participants", async () => {
    const meeting = await createMeeting({
      title: 'Private 1:1',
      participants: [{ email: 'carol@example.com' }],
    });

    const bobReads = await asBob('query ($id: ID!) { meeting(id: $id) { id title } }', { id: meeting.id });
    assert.deepEqual(bobReads.data, { meeting: null });
    const bobLists = await asBob('{ meetings { edges { node { id } } } }');
    assert.ok(!(bobLists.data as any).meetings.edges.some((edge: any) => edge.node.id === meeting.id));
    const bobUpdates = await asBob(
      'mutation ($id: ID!) { updateMeeting(id: $id, input: { title: "pwned" }) { id } }',
      { id: meeting.id },
    );
    assert.equal(errorCode(bobUpdates), 'NOT_FOUND');
    const bobDeletes = await asBob('mutation ($id: ID!) { deleteMeeting(id: $id) }', { id: meeting.id });
    assert.equal(errorCode(bobDeletes), 'NOT_FOUND');

    const carolReads = await asCarol('query ($id: ID!) { meeting(id: $id) { title viewerIsOwner } }', {
      id: meeting.id,
    });
    assert.deepEqual(carolReads.data, { meeting: { title: 'Private 1:1', viewerIsOwner: false } });
    const carolLists = await asCarol('{ meetings { edges { node { id } } } }');
    assert.ok((carolLists.data as any).meetings.edges.some((edge: any) => edge.node.id === meeting.id));
    const carolUpdates = await asCarol(
      'mutation ($id: ID!) { updateMeeting(id: $id, input: { title: "mine now" }) { id } }',
      { id: meeting.id },
    );
    assert.equal(errorCode(carolUpdates), 'FORBIDDEN');

    const stillThere = await asAlice('query ($id: ID!) { meeting(id: $id) { title } }', { id: meeting.id });
    assert.deepEqual(stillThere.data, { meeting: { title: 'Private 1:1' } });
  });

  it('answers bad input with BAD_USER_INPUT naming the field', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ title: '  ' }, 'title'],
      [{ title: 'x', joinUrl: 'javascript:alert(1)' }, 'joinUrl'],
      [{ title: 'x', participants: [{ email: 'not-an-email' }] }, 'participants.0.email'],
      [{ title: 'x', language: 'english please' }, 'language'],
    ];
    for (const [input, field] of cases) {
      const response = await asAlice(
        'mutation ($input: CreateMeetingInput!) { createMeeting(input: $input) { id } }',
        { input },
      );
      assert.equal(errorCode(response), 'BAD_USER_INPUT', JSON.stringify(input));
      assert.equal(response.errors?.[0]?.extensions?.field, field);
    }
    const badCursor = await asAlice('{ meetings(after: "bm9wZQ") { edges { cursor } } }');
    assert.equal(errorCode(badCursor), 'BAD_USER_INPUT');
    assert.equal(badCursor.errors?.[0]?.extensions?.field, 'after');
    const tooMany = await asAlice('{ meetings(first: 1000) { edges { cursor } } }');
    assert.equal(errorCode(tooMany), 'BAD_USER_INPUT');
    assert.equal(tooMany.errors?.[0]?.extensions?.field, 'first');
  });

  it('refuses requests without a valid token with 401 UNAUTHENTICATED', async () => {
    const anonymous = await graphqlClient(`${gateway.url}/graphql`)('{ meetings { edges { cursor } } }');
    assert.equal(anonymous.status, 401);
    assert.equal(errorCode(anonymous), 'UNAUTHENTICATED');
    const forged = await graphqlClient(
      `${gateway.url}/graphql`,
      await mintDevToken('x'.repeat(40), { sub: 'alice' }),
    )('{ meetings { edges { cursor } } }');
    assert.equal(forged.status, 401);
    assert.equal(errorCode(forged), 'UNAUTHENTICATED');
  });

  it('refuses too-deep, too-costly and oversized queries before calling subgraphs', async () => {
    const deep = await asAlice(
      '{ __schema { types { fields { type { ofType { ofType { ofType { ofType { ofType { ofType { name } } } } } } } } } } }',
    );
    assert.equal(errorCode(deep), 'QUERY_TOO_COMPLEX');
    assert.match(deep.errors?.[0]?.message ?? '', /depth/);

    const aliases = Array.from(
      { length: 20 },
      (_, i) => `m${i}: meetings(first: 100) { edges { node { id title } } }`,
    ).join(' ');
    const costly = await asAlice(`{ ${aliases} }`);
    assert.equal(errorCode(costly), 'QUERY_TOO_COMPLEX');
    assert.match(costly.errors?.[0]?.message ?? '', /cost/);

    const huge = await asAlice(`{ meetings { edges { cursor } } } # ${'x'.repeat(200_000)}`);
    assert.equal(huge.status, 413);
  });

  it('blocks cross-site simple requests (CSRF prevention)', async () => {
    const response = await fetch(
      `${gateway.url}/graphql?query=${encodeURIComponent('{ meetings { edges { cursor } } }')}`,
    );
    assert.equal(response.status, 400);
    assert.match(await response.text(), /CSRF|preflight/i);
  });

  it('rate-limits each user with RATE_LIMITED and Retry-After', async () => {
    const limited = await startGatewayWith({ RATE_LIMIT_PER_MINUTE: '3' });
    try {
      const call = graphqlClient(
        `${limited.url}/graphql`,
        await mintDevToken(secrets.JWT_SECRET, { sub: 'dave' }),
      );
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) statuses.push((await call('{ meetings { edges { cursor } } }')).status);
      assert.deepEqual(statuses, [200, 200, 200, 429]);
      const last = await call('{ meetings { edges { cursor } } }');
      assert.equal(errorCode(last), 'RATE_LIMITED');
      const other = graphqlClient(
        `${limited.url}/graphql`,
        await mintDevToken(secrets.JWT_SECRET, { sub: 'erin' }),
      );
      assert.equal((await other('{ meetings { edges { cursor } } }')).status, 200);
    } finally {
      await limited.stop();
    }
  });

  it('serves health and readiness, and Prometheus metrics on the private metrics port', async () => {
    assert.equal((await fetch(`${gateway.url}/health`)).status, 200);
    assert.equal((await fetch(`${gateway.url}/ready`)).status, 200);
    assert.notEqual(gateway.metricsUrl, gateway.url);
    const metrics = await (await fetch(`${gateway.metricsUrl}/metrics`)).text();
    assert.match(metrics, /http_request_duration_seconds_bucket\{.*service="gateway"/);
    assert.equal((await fetch(`${meetings.url}/metrics`)).status, 200);
  });
});
