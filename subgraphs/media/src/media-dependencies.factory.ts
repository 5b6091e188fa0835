import type { MediaConfig } from './config.js';
import { DEFAULT_SAFE_FETCH, SafeUrlFetcher } from './outbound/safe-url-fetcher.adapter.js';
import { FfprobeInspector } from './probe/ffprobe-inspector.adapter.js';
import type { MediaDependencies } from './services/media-dependencies.js';
import { MediaImporter } from './services/imports/media-importer.service.js';
import { DEFAULT_MEDIA_PROBE, MediaProbe } from './services/validation/media-probe.service.js';
import { MediaValidator } from './services/validation/media-validator.service.js';
import { createS3Client } from './storage/s3-client.factory.js';
import { S3ObjectStorage } from './storage/s3-object-storage.adapter.js';

/** Chooses the adapters behind the media ports from config. */
export function buildMediaDependencies(config: MediaConfig): MediaDependencies & { close(): void } {
  const connection = {
    region: config.s3.region,
    forcePathStyle: config.s3.forcePathStyle,
    credentials: config.s3.credentials,
  };
  const client = createS3Client({ ...connection, endpoint: config.s3.endpoint });
  const publicClient = config.s3.publicEndpoint
    ? createS3Client({ ...connection, endpoint: config.s3.publicEndpoint })
    : undefined;
  const storage = new S3ObjectStorage({ bucket: config.s3.bucket, client, publicClient });
  const inspector = new FfprobeInspector({
    ffprobePath: config.probe.ffprobePath,
    ffmpegPath: config.probe.ffmpegPath,
    timeoutMs: config.probe.timeoutMs,
  });
  const probe = new MediaProbe(inspector, {
    ...DEFAULT_MEDIA_PROBE,
    maxDurationSeconds: config.probe.maxDurationSeconds,
  });
  const remote = new SafeUrlFetcher({
    ...DEFAULT_SAFE_FETCH,
    allowedPorts: config.imports.allowedPorts,
    allowedHosts: config.imports.allowedHosts,
    maxBytes: config.imports.maxBytes,
    minBytesPerSecond: config.imports.minBytesPerSecond,
    throughputWindowMs: config.imports.throughputWindowMs,
    totalTimeoutMs: config.imports.totalTimeoutMs,
  });
  return {
    storage,
    validator: new MediaValidator(storage, probe),
    remote,
    importer: new MediaImporter(remote, storage),
    importLimits: { maxConcurrentPerUser: config.imports.maxConcurrentPerUser, leaseMs: 45_000 },
    uploadPolicy: config.uploads,
    uploadUrlTtlSeconds: config.uploads.urlTtlSeconds,
    downloadUrlTtlSeconds: config.uploads.downloadUrlTtlSeconds,
    // Three probe commands run one after the other, each bounded by the probe timeout.
    validationStaleMs: 4 * config.probe.timeoutMs,
    close: () => {
      client.destroy();
      publicClient?.destroy();
    },
  };
}
