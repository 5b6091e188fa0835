import 'reflect-metadata';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { connect, type NatsConnection } from 'nats';
import type { AuthenticatedUser } from '@mymeet/auth';
import type { EventKind, EventPayload } from '@mymeet/contracts';
import { createLogger } from '@mymeet/core';
import { openDatabase, type MikroORM } from '@mymeet/database';
import { deleteConsumersWithPrefix } from '@mymeet/messaging';
import {
  dropDatabase,
  eventually,
  publishEvent,
  subgraphClient,
  testDatabaseUrl,
  testNatsUrl,
  testSecrets,
} from '@mymeet/testing';
import { loadReportsConfig } from '../../src/config.js';
import { reportsEntities } from '../../src/entities/index.js';
import { reportsMigrations } from '../../src/migrations/index.js';
import { startReportsService, type RunningReportsService } from '../../src/reports-service.js';

export const user = (name: string): AuthenticatedUser => ({
  sub: `${name}-${randomUUID()}`,
  email: `${name}@example.com`,
  roles: [],
});

/** The reports service against the run's PostgreSQL and NATS, with helpers that play its neighbours. */
export class ReportsHarness {
  readonly consumerPrefix = `reports-test-${randomUUID().slice(0, 8)}`;
  private readonly databaseUrl: string;
  private readonly secrets = testSecrets();
  service!: RunningReportsService;
  orm!: MikroORM;
  nc!: NatsConnection;

  constructor(
    label: string,
    private readonly env: Record<string, string> = {},
  ) {
    this.databaseUrl = testDatabaseUrl(label);
  }

  async start(): Promise<void> {
    const config = loadReportsConfig({
      REPORTS_DATABASE_URL: this.databaseUrl,
      NATS_URL: testNatsUrl(),
      INTERNAL_SECRET: this.secrets.INTERNAL_SECRET,
      REPORTS_PORT: '0',
      REPORTS_CONSUMER_PREFIX: this.consumerPrefix,
      REPORTS_CONSUMER_START: 'new',
      LOG_LEVEL: 'silent',
      ...this.env,
    });
    this.service = await startReportsService(
      config,
      createLogger('reports', (process.env.TEST_LOG_LEVEL as 'silent') ?? 'silent'),
    );
    this.orm = await openDatabase({
      url: this.databaseUrl,
      entities: reportsEntities,
      migrations: reportsMigrations,
    });
    this.nc = await connect({ servers: testNatsUrl() });
  }

  async stop(): Promise<void> {
    await this.service?.stop();
    await this.orm?.close();
    await this.nc?.drain();
    await deleteConsumersWithPrefix(testNatsUrl(), this.consumerPrefix).catch(() => undefined);
    await dropDatabase(this.databaseUrl).catch(() => undefined);
  }

  call(caller: AuthenticatedUser, query: string, variables: Record<string, unknown> = {}) {
    return subgraphClient(`${this.service.url}/graphql`, 'reports', this.secrets.INTERNAL_SECRET)(
      caller,
      query,
      variables,
    );
  }

  /** Asks and insists on no errors. */
  async query(caller: AuthenticatedUser, query: string, variables: Record<string, unknown> = {}) {
    const response = await this.call(caller, query, variables);
    assert.equal(response.errors, undefined, JSON.stringify(response.errors));
    return response.data!;
  }

  /** `Meeting.reports` as the gateway asks for it. */
  async reportsOf(caller: AuthenticatedUser, meetingId: string, fields: string) {
    const data = await this.query(
      caller,
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Meeting { reports { ${fields} } } } }`,
      { r: [{ __typename: 'Meeting', id: meetingId }] },
    );
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read arbitrary response shapes
    return (data._entities as Array<{ reports: Array<Record<string, any>> }>)[0]!.reports;
  }

  /** A meeting as the meetings service announces it, once this service knows it. */
  async newMeeting(owner: AuthenticatedUser, participantEmails: string[] = []): Promise<string> {
    const meetingId = randomUUID();
    await publishEvent(this.nc, 'meeting.created', meetingId, {
      ownerId: owner.sub,
      participantEmails,
      title: 'Spring release planning',
      language: 'en',
      version: 1,
    });
    await eventually(async () => {
      const rows = await this.sql('select 1 from meeting_access where meeting_id = ?', [meetingId]);
      assert.equal(rows.length, 1);
    });
    return meetingId;
  }

  publish<K extends EventKind>(kind: K, meetingId: string, payload: EventPayload<K>) {
    return publishEvent(this.nc, kind, meetingId, payload);
  }

  sql<T = Record<string, unknown>>(query: string, params: unknown[] = []): Promise<T[]> {
    return this.orm.em.fork().getConnection().execute<T[]>(query, params);
  }
}
