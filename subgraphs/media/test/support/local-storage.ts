import { startLocalS3Server, type LocalS3Server } from '@mymeet/tools';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createS3Client } from '../../src/storage/s3-client.factory.js';
import { S3ObjectStorage, type S3ObjectStorageOptions } from '../../src/storage/s3-object-storage.adapter.js';

export interface LocalStorage {
  server: LocalS3Server;
  storage: S3ObjectStorage;
  /** Another adapter on the same bucket, with other settings (e.g. copy thresholds). */
  withOptions(options: Partial<S3ObjectStorageOptions>): S3ObjectStorage;
  stop(): Promise<void>;
}

/** A real local S3-compatible server on a random port and temp folder, with the adapter on it. */
export async function startLocalStorage(bucket = 'media-test'): Promise<LocalStorage> {
  const directory = await mkdtemp(join(tmpdir(), 'media-s3-'));
  const server = await startLocalS3Server({ directory });
  const client = createS3Client({
    region: 'us-east-1',
    endpoint: server.endpoint,
    forcePathStyle: true,
    credentials: server.credentials,
  });
  const base = { bucket, client, streamPartSize: 5 * 1024 * 1024 };
  const storage = new S3ObjectStorage(base);
  await storage.ensureBucket();
  return {
    server,
    storage,
    withOptions: (options) => new S3ObjectStorage({ ...base, ...options }),
    async stop() {
      client.destroy();
      await server.stop();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
