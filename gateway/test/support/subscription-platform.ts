import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { connect, type NatsConnection } from 'nats';
import { mintDevToken } from '@mymeet/auth';
import { deleteConsumersWithPrefix } from '@mymeet/messaging';
import {
  dropDatabase,
  freePort,
  graphqlClient,
  repoRoot,
  spawnService,
  testDatabaseUrl,
  testNatsUrl,
  testSecrets,
  type SpawnedService,
} from '@mymeet/testing';

export interface SubscriptionPlatform {
  /** The gateway's HTTP URL of `/graphql`; the WebSocket URL is the same with ws://. */
  graphqlUrl: string;
  wsUrl: string;
  meetingsUrl: string;
  natsUrl: string;
  nc: NatsConnection;
  token(sub: string, email?: string, expiresIn?: string): Promise<string>;
  createMeeting(token: string, input: Record<string, unknown>): Promise<{ id: string; title: string }>;
  /** Starts the gateway process again on the same port (after `gateway.kill()` or `gateway.stop()`). */
  restartGateway(overrides?: Record<string, string>): Promise<void>;
  gateway: SpawnedService;
  stop(): Promise<void>;
}

/**
 * The meetings subgraph and the gateway as their own processes on this run's NATS (and, when
 * `natsUrl` is given, another NATS the test controls), the way `npm start` runs them.
 */
export async function startSubscriptionPlatform(
  gatewayEnv: Record<string, string> = {},
  natsUrl = testNatsUrl(),
  options: { reports?: boolean } = {},
): Promise<SubscriptionPlatform> {
  const secrets = testSecrets();
  const run = randomUUID().slice(0, 8);
  const databaseUrl = testDatabaseUrl(`subs_${run}`);
  const reportsDatabaseUrl = testDatabaseUrl(`subs_reports_${run}`);
  const consumerPrefix = `subs-e2e-${run}`;
  const [meetingsPort, gatewayPort, reportsPort] = [await freePort(), await freePort(), await freePort()];
  const nc = await connect({ servers: natsUrl, maxReconnectAttempts: -1, reconnectTimeWait: 250 });
  const meetings = await spawnService('subgraphs/meetings/dist/src/main.js', meetingsPort, {
    ...secrets,
    NATS_URL: natsUrl,
    LOG_LEVEL: 'warn',
    MEETINGS_PORT: String(meetingsPort),
    MEETINGS_DATABASE_URL: databaseUrl,
    MEETINGS_CONSUMER_PREFIX: consumerPrefix,
    MEETINGS_CONSUMER_START: 'new',
  });
  const reports = options.reports
    ? await spawnService('subgraphs/reports/dist/src/main.js', reportsPort, {
        ...secrets,
        NATS_URL: natsUrl,
        LOG_LEVEL: 'warn',
        REPORTS_PORT: String(reportsPort),
        REPORTS_DATABASE_URL: reportsDatabaseUrl,
        REPORTS_CONSUMER_PREFIX: `${consumerPrefix}-reports`,
        REPORTS_CONSUMER_START: 'new',
      })
    : undefined;
  const startGateway = (overrides: Record<string, string>) =>
    spawnService('gateway/dist/src/main.js', gatewayPort, {
      ...secrets,
      NATS_URL: natsUrl,
      LOG_LEVEL: 'warn',
      GATEWAY_PORT: String(gatewayPort),
      MEETINGS_SUBGRAPH_URL: `${meetings.url}/graphql`,
      ...(reports ? { REPORTS_SUBGRAPH_URL: `${reports.url}/graphql` } : {}),
      SUPERGRAPH_PATH: resolve(repoRoot, 'supergraph.graphql'),
      ...gatewayEnv,
      ...overrides,
    });
  const platform: SubscriptionPlatform = {
    graphqlUrl: `http://127.0.0.1:${gatewayPort}/graphql`,
    wsUrl: `ws://127.0.0.1:${gatewayPort}/graphql`,
    meetingsUrl: meetings.url,
    natsUrl,
    nc,
    gateway: await startGateway({}),
    token: (sub, email, expiresIn) =>
      mintDevToken(
        secrets.JWT_SECRET,
        { sub: `${sub}-${run}`, email: email ?? `${sub}-${run}@example.com` },
        expiresIn,
      ),
    async createMeeting(token, input) {
      const response = await graphqlClient(platform.graphqlUrl, token)<{
        createMeeting: { id: string; title: string };
      }>('mutation ($input: CreateMeetingInput!) { createMeeting(input: $input) { id title } }', { input });
      if (!response.data?.createMeeting) throw new Error(JSON.stringify(response.errors));
      return response.data.createMeeting;
    },
    async restartGateway(overrides = {}) {
      await platform.gateway.stop();
      platform.gateway = await startGateway(overrides);
    },
    async stop() {
      await platform.gateway.stop();
      await reports?.stop();
      await meetings.stop();
      await nc.close();
      await dropDatabase(databaseUrl);
      if (reports) await dropDatabase(reportsDatabaseUrl);
      await deleteConsumersWithPrefix(natsUrl, consumerPrefix).catch(() => undefined);
    },
  };
  return platform;
}
