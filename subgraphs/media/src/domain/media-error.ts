/** Error codes the media service raises; the GraphQL edge maps them to `extensions.code` once. */
export type MediaErrorCode =
  'BAD_USER_INPUT' | 'NOT_FOUND' | 'FORBIDDEN' | 'STORAGE_UNAVAILABLE' | 'PROBE_UNAVAILABLE';

export interface MediaErrorDetails {
  /** The input field at fault, for BAD_USER_INPUT. */
  field?: string;
  /** A stable, finer-grained reason clients may branch on (e.g. `URL_FORBIDDEN_ADDRESS`). */
  reason?: string;
}

/** A coded domain error; its message is safe to show to the user. */
export class MediaError extends Error {
  override readonly name = 'MediaError';

  constructor(
    readonly code: MediaErrorCode,
    message: string,
    readonly details: MediaErrorDetails = {},
    cause?: unknown,
  ) {
    super(message, cause === undefined ? undefined : { cause });
  }
}

/** Shorthand for the most common case: the user sent something we refuse, in a named field. */
export function badInput(field: string, reason: string, message: string): MediaError {
  return new MediaError('BAD_USER_INPUT', message, { field, reason });
}

/** Invisible and missing look the same, so callers never learn that another user's data exists. */
export function notFound(what: string): MediaError {
  return new MediaError('NOT_FOUND', `${what} not found`);
}

export function forbidden(message: string): MediaError {
  return new MediaError('FORBIDDEN', message);
}
