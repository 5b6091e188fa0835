import { CodedError, ErrorCode, type ErrorCodeTable, type ErrorDetails } from '@mymeet/core';

/** Why a media use case refused or failed; mapped to the API's codes once, below. */
export const MediaErrorCode = {
  /** The caller sent something we refuse (`details.field` names it, `details.reason` says why). */
  INVALID_INPUT: 'INVALID_INPUT',
  /** Missing or not visible: the two look the same, so nobody learns that another user's data exists. */
  NOT_FOUND: 'NOT_FOUND',
  /** Visible, but the caller may not change it. */
  NOT_ALLOWED: 'NOT_ALLOWED',
  /** The caller has as many URL imports running as allowed. */
  TOO_MANY_IMPORTS: 'TOO_MANY_IMPORTS',
  /** Our own outages: not the caller's fault, worth retrying. */
  STORAGE_UNAVAILABLE: 'STORAGE_UNAVAILABLE',
  PROBE_UNAVAILABLE: 'PROBE_UNAVAILABLE',
} as const;

export type MediaErrorCode = (typeof MediaErrorCode)[keyof typeof MediaErrorCode];

const MEDIA_ERRORS: ErrorCodeTable<MediaErrorCode> = {
  INVALID_INPUT: { publicCode: ErrorCode.BAD_USER_INPUT, retryable: false },
  NOT_FOUND: { publicCode: ErrorCode.NOT_FOUND, retryable: false },
  NOT_ALLOWED: { publicCode: ErrorCode.FORBIDDEN, retryable: false },
  TOO_MANY_IMPORTS: { publicCode: ErrorCode.RATE_LIMITED, retryable: true },
  STORAGE_UNAVAILABLE: { publicCode: ErrorCode.INTERNAL_SERVER_ERROR, retryable: true },
  PROBE_UNAVAILABLE: { publicCode: ErrorCode.INTERNAL_SERVER_ERROR, retryable: true },
};

/** A coded error of the media service; its message is safe to show to the user. */
export class MediaError extends CodedError<MediaErrorCode> {
  constructor(code: MediaErrorCode, message: string, details: ErrorDetails = {}, cause?: unknown) {
    super(code, MEDIA_ERRORS[code], message, details, cause);
  }

  /** Whether the caller (or the server a URL points at) is at fault, rather than us. */
  get isUserError(): boolean {
    return this.code === MediaErrorCode.INVALID_INPUT;
  }
}

/** Shorthand for the most common case: the user sent something we refuse, in a named field. */
export function badInput(field: string, reason: string, message: string): MediaError {
  return new MediaError(MediaErrorCode.INVALID_INPUT, message, { field, reason });
}

export function notFound(what: string): MediaError {
  return new MediaError(MediaErrorCode.NOT_FOUND, `${what} not found`);
}

export function forbidden(message: string): MediaError {
  return new MediaError(MediaErrorCode.NOT_ALLOWED, message);
}
