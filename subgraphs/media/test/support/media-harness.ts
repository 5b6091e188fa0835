import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import { connect, type NatsConnection } from 'nats';
import type { AuthenticatedUser } from '@mymeet/auth';
import { createLogger } from '@mymeet/core';
import { openDatabase, type MikroORM } from '@mymeet/database';
import { startLocalS3Server, type LocalS3Server } from '@mymeet/tools';
import { deleteConsumersWithPrefix } from '@mymeet/messaging';
import {
  dropDatabase,
  publishEvent,
  subgraphClient,
  testDatabaseUrl,
  testNatsUrl,
  testSecrets,
  waitForCatchUp,
  type GraphQLResponse,
} from '@mymeet/testing';
import { loadMediaConfig, type MediaConfig } from '../../src/config.js';
import { mediaEntities } from '../../src/entities/index.js';
import { startMediaService, type RunningMediaService } from '../../src/media-service.js';
import { mediaMigrations } from '../../src/migrations/index.js';
import { createS3Client } from '../../src/storage/s3-client.factory.js';
import { S3ObjectStorage } from '../../src/storage/s3-object-storage.adapter.js';

/** A media service on real PostgreSQL, NATS and the local S3 server, with a test's view of all three. */
export interface MediaHarness {
  config: MediaConfig;
  service: RunningMediaService;
  orm: MikroORM;
  nc: NatsConnection;
  storage: S3ObjectStorage;
  call(user: AuthenticatedUser, query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse>;
  /** Announces a meeting as the meetings service would, and returns its id. */
  newMeeting(owner: AuthenticatedUser, participantEmails?: string[]): Promise<string>;
  /** Every object key under a prefix. */
  keysUnder(prefix: string): Promise<string[]>;
  stop(): Promise<void>;
}

export async function startMediaHarness(
  label: string,
  env: Record<string, string> = {},
): Promise<MediaHarness> {
  const databaseUrl = testDatabaseUrl(label);
  const secrets = testSecrets();
  const consumerPrefix = `media-${label}-${randomUUID().slice(0, 8)}`;
  const bucket = `media-${label}-${randomUUID().slice(0, 8)}`.toLowerCase().replace(/_/g, '-');
  const s3Dir = await mkdtemp(join(tmpdir(), `media-${label}-s3-`));
  const s3: LocalS3Server = await startLocalS3Server({ directory: s3Dir });
  const client: S3Client = createS3Client({
    region: 'us-east-1',
    endpoint: s3.endpoint,
    forcePathStyle: true,
    credentials: s3.credentials,
  });
  const config = loadMediaConfig({
    ...secrets,
    MEDIA_DATABASE_URL: databaseUrl,
    MEDIA_PORT: '0',
    NATS_URL: testNatsUrl(),
    MEDIA_CONSUMER_PREFIX: consumerPrefix,
    MEDIA_CONSUMER_START: 'new',
    LOG_LEVEL: 'silent',
    S3_ENDPOINT: s3.endpoint,
    S3_ACCESS_KEY_ID: s3.credentials.accessKeyId,
    S3_SECRET_ACCESS_KEY: s3.credentials.secretAccessKey,
    S3_BUCKET: bucket,
    ...env,
  });
  const service = await startMediaService(config, createLogger(`media-${label}`, 'silent'));
  const orm = await openDatabase({ url: databaseUrl, entities: mediaEntities, migrations: mediaMigrations });
  const nc = await connect({ servers: testNatsUrl() });
  await waitForCatchUp(nc, 'STATE', `${consumerPrefix}-meeting-state`);
  const asUser = subgraphClient(`${service.url}/graphql`, 'media', secrets.INTERNAL_SECRET);
  return {
    config,
    service,
    orm,
    nc,
    storage: new S3ObjectStorage({ bucket, client }),
    call: (user, query, variables = {}) => asUser(user, query, variables),
    async newMeeting(owner, participantEmails = []) {
      const meetingId = randomUUID();
      await publishEvent(nc, 'meeting.created', meetingId, {
        ownerId: owner.sub,
        participantEmails,
        version: 1,
        title: 'Imports',
        language: 'en',
      });
      return meetingId;
    },
    async keysUnder(prefix) {
      const page = await client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix }));
      return (page.Contents ?? []).flatMap((o) => (o.Key ? [o.Key] : []));
    },
    async stop() {
      await service.stop();
      await orm.close();
      await nc.close();
      await deleteConsumersWithPrefix(testNatsUrl(), consumerPrefix);
      await dropDatabase(databaseUrl);
      client.destroy();
      await s3.stop();
      await rm(s3Dir, { recursive: true, force: true });
    },
  };
}
