import type { MiddlewareFn } from 'type-graphql';
import { DomainError, ErrorCode } from '@mymeet/core';
import { MediaError, type MediaErrorCode } from '../domain/media-error.js';

const PUBLIC_CODE: Record<MediaErrorCode, ErrorCode> = {
  BAD_USER_INPUT: ErrorCode.BAD_USER_INPUT,
  NOT_FOUND: ErrorCode.NOT_FOUND,
  FORBIDDEN: ErrorCode.FORBIDDEN,
  // Our own outage, not the caller's fault; the message only says to try again.
  STORAGE_UNAVAILABLE: ErrorCode.INTERNAL_SERVER_ERROR,
  PROBE_UNAVAILABLE: ErrorCode.INTERNAL_SERVER_ERROR,
};

/** The one place media's coded errors become the API's `extensions.code` (with `field` and `reason`). */
export function toPublicError(error: unknown): unknown {
  if (!(error instanceof MediaError)) return error;
  return new DomainError(PUBLIC_CODE[error.code], error.message, error.details);
}

export const mapMediaErrors: MiddlewareFn = async (_action, next) => {
  try {
    return await next();
  } catch (error) {
    throw toPublicError(error);
  }
};
