import type { Readable } from 'node:stream';

/** A response whose headers were accepted and whose body has not been read yet. */
export interface RemoteMedia {
  /** After redirects. */
  finalUrl: URL;
  contentType?: string;
  contentLength?: number;
  /** Fails with a coded error when a size cap or timeout is hit while streaming. */
  body: Readable;
}

export interface OpenOptions {
  /** Stops the transfer (connection and body) when aborted; the body then fails with the signal's reason. */
  signal?: AbortSignal;
}

/** Opens a user-supplied URL for reading, refusing anything but the public internet. */
export interface RemoteMediaSource {
  /** Refuses (BAD_USER_INPUT, field `url`) a URL that `open` would refuse before connecting; connects to nothing. */
  vet(url: string): Promise<void>;
  open(url: string, options?: OpenOptions): Promise<RemoteMedia>;
}
