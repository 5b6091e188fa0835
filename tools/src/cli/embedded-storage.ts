import { resolve } from 'node:path';
import { startLocalS3Server } from '../local-s3-server.js';

export interface EmbeddedStorage {
  env: Record<string, string>;
  stop(): Promise<void>;
}

const LOCAL_S3_PORT = Number(process.env.S3_LOCAL_PORT ?? 4569);

/** The port the local S3 server will take, or undefined when storage is configured elsewhere. */
export function plannedLocalS3Port(): number | undefined {
  return process.env.S3_ENDPOINT || process.env.S3_USE_AWS === 'true' ? undefined : LOCAL_S3_PORT;
}

/**
 * S3-compatible storage: the endpoint in `S3_ENDPOINT` when set (MinIO, AWS), else a local server for
 * one trusted machine (it checks no credentials; see README).
 */
export async function startEmbeddedStorage(
  dataDir: string,
  log: (line: string) => void,
): Promise<EmbeddedStorage> {
  if (plannedLocalS3Port() === undefined) return { env: {}, stop: async () => undefined };
  const server = await startLocalS3Server({
    host: '127.0.0.1',
    port: LOCAL_S3_PORT,
    directory: resolve(dataDir, 's3'),
  });
  log(
    `no S3_ENDPOINT set; started the local S3-compatible server at ${server.endpoint} (single trusted machine only)`,
  );
  return {
    env: {
      S3_ENDPOINT: server.endpoint,
      S3_ACCESS_KEY_ID: server.credentials.accessKeyId,
      S3_SECRET_ACCESS_KEY: server.credentials.secretAccessKey,
      S3_REGION: 'us-east-1',
      S3_FORCE_PATH_STYLE: 'true',
    },
    stop: () => server.stop(),
  };
}
