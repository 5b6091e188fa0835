import type { ObjectStoragePort, StoredObject } from '../../storage/object-storage.port.js';
import type { MediaProbe, ProbeOutcome } from './media-probe.service.js';
import { reject, type MediaRejection } from '../../domain/media-rejection.js';

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
    const refused = this.checkStored(await this.storage.headObject(media.key), media.byteSize);
    if (refused) return refused;
    const { url } = await this.storage.presignGet({
      key: media.key,
      expiresInSeconds: this.urlLifetimeSeconds,
      audience: 'internal',
    });
    return this.probe.examine(url, media.contentType);
  }

  /** The cheap part: is there an object, and of the announced size? (Nothing read but its head.) */
  checkStored(stored: StoredObject | undefined, announcedByteSize: number): MediaRejection | undefined {
    if (!stored) return reject('NOT_UPLOADED', 'No file has been uploaded yet.');
    if (stored.byteSize === 0) return reject('EMPTY_FILE', 'The uploaded file is empty.');
    if (stored.byteSize !== announcedByteSize) {
      return reject(
        'SIZE_MISMATCH',
        `The uploaded file has ${stored.byteSize} bytes but ${announcedByteSize} were announced; upload it again.`,
      );
    }
    return undefined;
  }
}
