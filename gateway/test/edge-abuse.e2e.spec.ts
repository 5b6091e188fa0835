import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { mintDevToken, signInternalIdentity } from '@mymeet/auth';
import { createLogger } from '@mymeet/core';
import { deleteConsumersWithPrefix } from '@mymeet/messaging';
import {
  dropDatabase,
  errorCode,
  freePort,
  graphqlClient,
  repoRoot,
  spawnService,
  subgraphClient,
  testDatabaseUrl,
  testNatsUrl,
  testSecrets,
  type GraphQLResponse,
  type SpawnedService,
} from '@mymeet/testing';
import { loadGatewayConfig } from '../src/config.js';
import { startGateway, type RunningGateway } from '../src/gateway-server.js';

const CREATE = 'mutation ($input: CreateMeetingInput!) { createMeeting(input: $input) { id title } }';

function assertBadInput(response: GraphQLResponse<unknown>, field: string, label: string): void {
  assert.equal(errorCode(response), 'BAD_USER_INPUT', `${label}: ${JSON.stringify(response.errors)}`);
  assert.equal(response.errors?.[0]?.extensions?.field, field, label);
}

// The abuse cases of issue 8, each through the composed gateway in front of a real meetings process.
describe('gateway edge: abuse cases through the real gateway', function () {
  this.timeout(60_000);
  const secrets = testSecrets();
  const databaseUrl = testDatabaseUrl('gateway_edge');
  const consumerPrefix = `gateway-edge-${randomUUID().slice(0, 8)}`;
  let meetings: SpawnedService;
  let deadPort: number;
  let gateway: RunningGateway;
  let asAlice: ReturnType<typeof graphqlClient>;

  const gatewayEnv = (overrides: Record<string, string> = {}) => ({
    ...secrets,
    GATEWAY_PORT: '0',
    GATEWAY_METRICS_PORT: '0',
    SUPERGRAPH_PATH: resolve(repoRoot, 'supergraph.graphql'),
    MEETINGS_SUBGRAPH_URL: `${meetings.url}/graphql`,
    // Nothing listens here: calls to media fail the way an outage does.
    MEDIA_SUBGRAPH_URL: `http://127.0.0.1:${deadPort}/graphql`,
    ...overrides,
  });
  const startGatewayWith = (overrides: Record<string, string> = {}) =>
    startGateway(loadGatewayConfig(gatewayEnv(overrides)), createLogger('gateway-test', 'silent'));
  const token = (sub: string) => mintDevToken(secrets.JWT_SECRET, { sub, email: `${sub}@example.com` });

  before(async () => {
    deadPort = await freePort();
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
    gateway = await startGatewayWith();
    asAlice = graphqlClient(`${gateway.url}/graphql`, await token('alice'));
  });

  after(async () => {
    await gateway?.stop();
    await meetings?.stop();
    await dropDatabase(databaseUrl);
    await deleteConsumersWithPrefix(testNatsUrl(), consumerPrefix);
  });

  it('refuses 1,000 aliases of meetings(first: 1) before validating or executing anything', async () => {
    const aliases = Array.from({ length: 1000 }, (_, i) => `m${i}: meetings(first: 1) { edges { cursor } }`);
    const response = await asAlice(`{ ${aliases.join(' ')} }`);
    assert.equal(errorCode(response), 'QUERY_TOO_COMPLEX', JSON.stringify(response.errors?.[0]));
    assert.equal(response.data, undefined);
    assert.match(response.errors?.[0]?.message ?? '', /tokens/i);
    assert.equal(response.status, 400);

    // Under the token limit, the alias limit still holds, counted through fragments.
    const fragment = `fragment F on Query { ${Array.from({ length: 16 }, (_, i) => `f${i}: __typename`).join(' ')} }`;
    const fanned = await asAlice(`{ ...F a: __typename ... on Query { ...F } } ${fragment}`);
    assert.equal(errorCode(fanned), 'QUERY_TOO_COMPLEX', JSON.stringify(fanned.errors?.[0]));
    assert.match(fanned.errors?.[0]?.message ?? '', /aliases: 33/);
  });

  it('refuses a NUL byte in a title with BAD_USER_INPUT on `title`, in variables and in literals', async () => {
    assertBadInput(await asAlice(CREATE, { input: { title: 'Kick\u0000off' } }), 'title', 'variable');
    assertBadInput(
      await asAlice('mutation { createMeeting(input: { title: "Kick\\u0000off" }) { id } }'),
      'title',
      'literal',
    );
    assertBadInput(
      await asAlice(CREATE, {
        input: { title: 'ok', participants: [{ email: 'a@example.com', name: 'x\u0000' }] },
      }),
      'participants.0.name',
      'nested list',
    );
    assertBadInput(
      await asAlice(CREATE, { input: { title: 'lone surrogate \ud800' } }),
      'title',
      'text PostgreSQL would store mangled',
    );
  });

  it('has every subgraph refuse the same text on its own (the shared guard of @mymeet/server)', async () => {
    const direct = subgraphClient(`${meetings.url}/graphql`, 'meetings', secrets.INTERNAL_SECRET);
    const response = await direct({ sub: 'alice', email: 'alice@example.com', roles: [] }, CREATE, {
      input: { title: 'Kick\u0000off' },
    });
    assertBadInput(response, 'title', 'straight at the meetings subgraph');
  });

  it('refuses invalid DateTime values with BAD_USER_INPUT naming the argument', async () => {
    for (const value of ['not-a-date', '2024-02-30T25:61:00Z']) {
      assertBadInput(
        await asAlice(CREATE, { input: { title: 'x', scheduledAt: value } }),
        'scheduledAt',
        `variable ${value}`,
      );
      assertBadInput(
        await asAlice(`mutation { createMeeting(input: { title: "x", scheduledAt: "${value}" }) { id } }`),
        'scheduledAt',
        `literal ${value}`,
      );
      assertBadInput(
        await asAlice('query ($from: DateTime) { meetings(filter: { from: $from }) { edges { cursor } } }', {
          from: value,
        }),
        'filter.from',
        `filter ${value}`,
      );
    }
    const valid = await asAlice(CREATE, { input: { title: 'x', scheduledAt: '2030-02-28T23:59:00Z' } });
    assert.equal(valid.errors, undefined, JSON.stringify(valid.errors));
  });

  it('refuses a SafeInt beyond 2^53 with BAD_USER_INPUT on `byteSize`, before calling media', async () => {
    const input = {
      meetingId: randomUUID(),
      fileName: 'a.mp3',
      contentType: 'audio/mpeg',
      byteSize: 2 ** 53 + 2,
    };
    assertBadInput(
      await asAlice(
        'mutation ($input: RequestMediaUploadInput!) { requestMediaUpload(input: $input) { uploadUrl } }',
        { input },
      ),
      'byteSize',
      'variable',
    );
    assertBadInput(
      await asAlice(
        `mutation { requestMediaUpload(input: { meetingId: "${input.meetingId}", fileName: "a.mp3", contentType: "audio/mpeg", byteSize: 9007199254740993 }) { uploadUrl } }`,
      ),
      'byteSize',
      'literal',
    );
  });

  it('caps costly mutations per request: no request creates more than 3 uploads', async () => {
    const upload = (i: number) =>
      `u${i}: requestMediaUpload(input: { meetingId: "${randomUUID()}", fileName: "a.mp3", contentType: "audio/mpeg", byteSize: 1000 }) { uploadUrl }`;
    const four = await asAlice(`mutation { ${[0, 1, 2, 3].map(upload).join(' ')} }`);
    assert.equal(errorCode(four), 'QUERY_TOO_COMPLEX', JSON.stringify(four.errors));
    assert.match(four.errors?.[0]?.message ?? '', /requestMediaUpload/);
  });

  it('costs lists by their real bound: participants and first: null', async () => {
    const participants = await asAlice(
      '{ meetings(first: 100) { edges { node { participants { email } } } } }',
    );
    assert.equal(errorCode(participants), 'QUERY_TOO_COMPLEX', JSON.stringify(participants.errors));
    const nulls = await asAlice(
      `{ ${Array.from({ length: 12 }, (_, i) => `m${i}: meetings(first: null) { edges { node { participants { email } } } }`).join(' ')} }`,
    );
    assert.equal(errorCode(nulls), 'QUERY_TOO_COMPLEX', JSON.stringify(nulls.errors));
  });

  it('counts invalid operations against the rate limit (the token is taken when the request starts)', async () => {
    const limited = await startGatewayWith({ RATE_LIMIT_PER_MINUTE: '3' });
    try {
      const call = graphqlClient(`${limited.url}/graphql`, await token('mallory'));
      for (let i = 0; i < 3; i++) await call('{ nope }');
      const next = await call('{ meetings { edges { cursor } } }');
      assert.equal(next.status, 429);
      assert.equal(errorCode(next), 'RATE_LIMITED');
    } finally {
      await limited.stop();
    }
  });

  it('started as `npm start` starts it, answers an outage without stack traces or internal addresses', async () => {
    const port = await freePort();
    const spawned = await spawnService('gateway/dist/src/main.js', port, {
      ...gatewayEnv({ GATEWAY_PORT: String(port) }),
      NODE_ENV: 'development',
      LOG_LEVEL: 'error',
    });
    try {
      const call = graphqlClient(`${spawned.url}/graphql`, await token('alice'));
      const response = await call('query ($id: ID!) { mediaAsset(id: $id) { id } }', { id: randomUUID() });
      assert.equal(errorCode(response), 'INTERNAL_SERVER_ERROR', JSON.stringify(response));
      const body = JSON.stringify(response);
      assert.doesNotMatch(body, /stacktrace|ECONNREFUSED|127\.0\.0\.1|\/work\/|node_modules|\.js:\d+/, body);
    } finally {
      await spawned.stop();
    }
  });

  it('does not suggest field names in production validation errors', async () => {
    const production = await startGatewayWith({ NODE_ENV: 'production' });
    try {
      const call = graphqlClient(`${production.url}/graphql`, await token('alice'));
      const response = await call('{ meetings { edges { node { titel } } } }');
      assert.equal(errorCode(response), 'GRAPHQL_VALIDATION_FAILED');
      assert.doesNotMatch(response.errors?.[0]?.message ?? '', /Did you mean/);
    } finally {
      await production.stop();
    }
  });

  it('shows participants their meetings by verified, NFKC-normalised e-mail only', async () => {
    const created = await asAlice(CREATE, {
      input: { title: 'Kelly 1:1', participants: [{ email: 'Kelly@Example.com' }] },
    });
    const id = (created.data as { createMeeting: { id: string } }).createMeeting.id;
    const sees = async (email: string, emailVerified?: boolean) => {
      const call = graphqlClient(
        `${gateway.url}/graphql`,
        await mintDevToken(secrets.JWT_SECRET, { sub: `u-${randomUUID()}`, email, emailVerified }),
      );
      const one = await call('query ($id: ID!) { meeting(id: $id) { id } }', { id });
      const list = await call('{ meetings { edges { node { id } } } }');
      const listed = (list.data as { meetings: { edges: Array<{ node: { id: string } }> } }).meetings.edges;
      return [one.data?.meeting !== null, listed.some((edge) => edge.node.id === id)];
    };
    assert.deepEqual(await sees('kelly@example.com'), [true, true]);
    assert.deepEqual(await sees('kelly@example.com', false), [false, false], 'unverified');
    assert.deepEqual(await sees('\u212Aelly@example.com'), [false, false], 'Kelvin sign for k');
  });

  it('refuses a replayed or re-targeted identity header at the subgraph', async () => {
    const body = JSON.stringify({ query: '{ meetings { edges { cursor } } }' });
    const user = { sub: 'alice', email: 'alice@example.com', roles: [] };
    const send = (headers: Record<string, string>) =>
      fetch(`${meetings.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body,
      });
    const headers = signInternalIdentity(user, secrets.INTERNAL_SECRET, { audience: 'meetings', body });
    assert.equal((await send(headers)).status, 200);
    const replayed = await send(headers);
    assert.equal(replayed.status, 401);
    assert.match(await replayed.text(), /REPLAYED/);
    const forMedia = signInternalIdentity(user, secrets.INTERNAL_SECRET, { audience: 'media', body });
    assert.equal((await send(forMedia)).status, 401);
  });

  it('answers `_service { sdl }` without identity, and nothing else', async () => {
    const anonymous = subgraphClient(`${meetings.url}/graphql`, 'meetings', secrets.INTERNAL_SECRET);
    const sdl = await anonymous(undefined, '{ _service { sdl } }');
    assert.match(String((sdl.data as { _service: { sdl: string } })._service.sdl), /type Meeting/);
    const entities = await anonymous(
      undefined,
      'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Meeting { title } } }',
      { r: [{ __typename: 'Meeting', id: randomUUID() }] },
    );
    assert.equal(errorCode(entities), 'UNAUTHENTICATED');
  });

  it('does not serve /metrics on the client port', async () => {
    assert.equal((await fetch(`${gateway.url}/metrics`)).status, 404);
  });
});
