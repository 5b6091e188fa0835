import type { RemoteMediaSource } from '../outbound/remote-media.port.js';
import type { ObjectStoragePort } from '../storage/object-storage.port.js';
import type { ImportLimits } from './imports/media-import.service.js';
import type { MediaImporter } from './imports/media-importer.service.js';
import type { MediaValidator } from './validation/media-validator.service.js';
import type { UploadPolicyConfig } from './uploads/upload.policy.js';

/** The long-lived collaborators and settings the per-request media services share. */
export interface MediaDependencies {
  storage: ObjectStoragePort;
  validator: MediaValidator;
  /** Checks and opens user-supplied URLs (SSRF-safe). */
  remote: RemoteMediaSource;
  importer: MediaImporter;
  importLimits: ImportLimits;
  uploadPolicy: UploadPolicyConfig;
  uploadUrlTtlSeconds: number;
  downloadUrlTtlSeconds: number;
  /** A validation running longer than this was abandoned by a crashed instance. */
  validationStaleMs: number;
}
