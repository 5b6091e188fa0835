import type { ObjectStoragePort } from '../../storage/object-storage.port.js';
import type { MediaProbe, ProbeOutcome } from './media-probe.service.js';
import { reject } from '../../domain/media-rejection.js';

export interface UploadedMedia {
  key: string;
  byteSize: number;
  contentType: string;
}

/**
 * Checks an upload the client says is complete: the object exists with the announced size, then
 * its content is probed through a short-lived internal URL.
 */
export class MediaValidator {
  constructor(
    private readonly storage: ObjectStoragePort,
    private readonly probe: MediaProbe,
    private readonly urlLifetimeSeconds = 15 * 60,
  ) {}

  async validate(media: UploadedMedia): Promise<ProbeOutcome> {
    const stored = await this.storage.headObject(media.key);
    if (!stored) return reject('NOT_UPLOADED', 'No file has been uploaded yet.');
    if (stored.byteSize === 0) return reject('EMPTY_FILE', 'The uploaded file is empty.');
    if (stored.byteSize !== media.byteSize) {
      return reject(
        'SIZE_MISMATCH',
        `The uploaded file has ${stored.byteSize} bytes but ${media.byteSize} were announced; upload it again.`,
      );
    }
    const { url } = await this.storage.presignGet({
      key: media.key,
      expiresInSeconds: this.urlLifetimeSeconds,
      audience: 'internal',
    });
    return this.probe.examine(url, media.contentType);
  }
}
