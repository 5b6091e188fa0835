import type { ErrorCode } from './error-code.js';

/** What a coded error may add to its public code: the input at fault and a finer reason clients may branch on. */
export interface ErrorDetails {
  /** The input field at fault (e.g. `title`, `participants.1.email`), for BAD_USER_INPUT. */
  field?: string;
  /** A stable, finer-grained reason (e.g. `URL_FORBIDDEN_ADDRESS`). */
  reason?: string;
}

/** How one service code behaves at every edge. */
export interface ErrorCodeMapping {
  /** The contract's `extensions.code`. */
  publicCode: ErrorCode;
  /** Workers: true naks the message (redelivered with backoff), false terminates it (dead letter). */
  retryable: boolean;
}

/** A service's table: every code of its enum mapped once (the compiler refuses a missing code). */
export type ErrorCodeTable<Code extends string> = Readonly<Record<Code, ErrorCodeMapping>>;

/**
 * The one base class for expected failures of a use case, in every service.
 *
 * The model:
 * - each service declares its own code enum (`MeetingErrorCode`, `MediaErrorCode`, …) and one
 *   {@link ErrorCodeTable} mapping each code to a public {@link ErrorCode} and whether it is retryable;
 * - its error class extends `CodedError<ItsCode>` and passes the table's row to `super`;
 * - services throw only these (never GraphQL or HTTP errors); the message is safe to show a user;
 *   the `cause` (the driver or SDK error) is kept for the logs and never sent to clients;
 * - each edge maps them once: the GraphQL formatter in `@mymeet/server` turns `publicCode` + `details`
 *   into `extensions` (and logs every INTERNAL_SERVER_ERROR with its cause); a worker naks a
 *   `retryable` error and terminates (dead-letters) the others ({@link isRetryable}).
 *
 * ```ts
 * export const MediaErrorCode = { STORAGE_UNAVAILABLE: 'STORAGE_UNAVAILABLE', … } as const;
 * const MEDIA_ERRORS: ErrorCodeTable<MediaErrorCode> = {
 *   STORAGE_UNAVAILABLE: { publicCode: ErrorCode.INTERNAL_SERVER_ERROR, retryable: true }, …
 * };
 * export class MediaError extends CodedError<MediaErrorCode> {
 *   constructor(code: MediaErrorCode, message: string, details?: ErrorDetails, cause?: unknown) {
 *     super(code, MEDIA_ERRORS[code], message, details, cause);
 *   }
 * }
 * ```
 */
export abstract class CodedError<Code extends string = string> extends Error {
  readonly publicCode: ErrorCode;
  readonly retryable: boolean;

  protected constructor(
    /** The service's own code, for logs, metrics and callers that branch on it. */
    readonly code: Code,
    mapping: ErrorCodeMapping,
    message: string,
    readonly details: ErrorDetails = {},
    cause?: unknown,
  ) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = new.target.name;
    this.publicCode = mapping.publicCode;
    this.retryable = mapping.retryable;
  }
}

/**
 * Whether a failed message should be tried again: coded errors say so themselves; anything else
 * (a dropped connection, a bug) is presumed transient and retried until the consumer's bound.
 */
export function isRetryable(error: unknown): boolean {
  return error instanceof CodedError ? error.retryable : true;
}
