import type { RemoteMediaSource } from '../../outbound/remote-media.port.js';
import type { ObjectStoragePort } from '../../storage/object-storage.port.js';
import { toDisplayFileName, toKeyFileName } from '../../domain/file-name.js';
import { badInput } from '../../domain/media-error.js';
import { acceptedContentTypes, findMediaType, findMediaTypeByExtension } from '../../domain/media-types.js';
import { importObjectKey } from '../../domain/object-keys.js';

export interface ImportedMedia {
  key: string;
  fileName: string;
  contentType: string;
  byteSize: number;
  sourceUrl: string;
}

/** Copies a recording from a public URL into storage, streaming, without a client upload. */
export class MediaImporter {
  constructor(
    private readonly source: RemoteMediaSource,
    private readonly storage: ObjectStoragePort,
  ) {}

  /** `signal` stops the transfer (and the partial upload) when the job's attempt is given up. */
  async importFromUrl(
    input: { meetingId: string; mediaId: string; url: string; runId: string },
    signal?: AbortSignal,
  ): Promise<ImportedMedia> {
    const remote = await this.source.open(input.url, { signal });
    try {
      const fileName =
        toDisplayFileName(decodeSafely(remote.finalUrl.pathname.split('/').pop() ?? '')) || 'imported-media';
      const contentType = this.contentTypeOf(remote.contentType, fileName);
      const key = importObjectKey(input.meetingId, input.mediaId, input.runId, toKeyFileName(fileName));
      const stored = await this.storage.uploadStream({ key, contentType, body: remote.body });
      return { key, fileName, contentType, byteSize: stored.byteSize, sourceUrl: remote.finalUrl.href };
    } catch (error) {
      // Storage reports the body's failure as its own; an abort is the caller's decision, say so.
      throw signal?.aborted ? (signal.reason as Error) : error;
    } finally {
      remote.body.destroy();
    }
  }

  /** Servers often label media `application/octet-stream`; then the file extension decides. */
  private contentTypeOf(header: string | undefined, fileName: string): string {
    const declared = header ? findMediaType(header) : undefined;
    const generic = !header || /^(application|binary)\/octet-stream\b/i.test(header);
    const rule = declared ?? (generic ? findMediaTypeByExtension(fileName) : undefined);
    if (!rule) {
      throw badInput(
        'url',
        'UNSUPPORTED_CONTENT_TYPE',
        `The URL serves ${header ?? 'an unknown type'}, not audio or video (${acceptedContentTypes().join(', ')}).`,
      );
    }
    return rule.contentType;
  }
}

function decodeSafely(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
