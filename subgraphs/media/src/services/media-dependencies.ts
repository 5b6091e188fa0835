import type { RemoteMediaSource } from '../imports/remote-media.port.js';
import type { ObjectStoragePort } from '../storage/object-storage.port.js';
import type { MediaImporter } from './media-importer.js';
import type { MediaValidator } from './media-validator.js';
import type { UploadPolicyConfig } from './upload-policy.js';

/** The long-lived collaborators and settings the per-request media services share. */
export interface MediaDependencies {
  storage: ObjectStoragePort;
  validator: MediaValidator;
  /** Checks and opens user-supplied URLs (SSRF-safe). */
  remote: RemoteMediaSource;
  importer: MediaImporter;
  uploadPolicy: UploadPolicyConfig;
  uploadUrlTtlSeconds: number;
  downloadUrlTtlSeconds: number;
  /** A validation running longer than this was abandoned by a crashed instance. */
  validationStaleMs: number;
}
