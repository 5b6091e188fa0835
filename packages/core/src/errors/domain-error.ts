import { CodedError, type ErrorCodeTable, type ErrorDetails } from './coded-error.js';
import { ErrorCode } from './error-code.js';

const PUBLIC_ERRORS: ErrorCodeTable<ErrorCode> = {
  UNAUTHENTICATED: { publicCode: ErrorCode.UNAUTHENTICATED, retryable: false },
  FORBIDDEN: { publicCode: ErrorCode.FORBIDDEN, retryable: false },
  NOT_FOUND: { publicCode: ErrorCode.NOT_FOUND, retryable: false },
  BAD_USER_INPUT: { publicCode: ErrorCode.BAD_USER_INPUT, retryable: false },
  CONFLICT: { publicCode: ErrorCode.CONFLICT, retryable: true },
  RATE_LIMITED: { publicCode: ErrorCode.RATE_LIMITED, retryable: true },
  QUERY_TOO_COMPLEX: { publicCode: ErrorCode.QUERY_TOO_COMPLEX, retryable: false },
  INTERNAL_SERVER_ERROR: { publicCode: ErrorCode.INTERNAL_SERVER_ERROR, retryable: true },
};

/**
 * A coded error whose code is the public one, for shared code that has no service of its own
 * (authentication, request guards). Services define their own {@link CodedError} subclass instead.
 */
export class DomainError extends CodedError<ErrorCode> {
  constructor(code: ErrorCode, message: string, details: ErrorDetails = {}, cause?: unknown) {
    super(code, PUBLIC_ERRORS[code], message, details, cause);
  }

  static notFound(what: string): DomainError {
    return new DomainError(ErrorCode.NOT_FOUND, `${what} not found`);
  }

  static badInput(field: string, message: string, reason?: string): DomainError {
    return new DomainError(ErrorCode.BAD_USER_INPUT, message, reason ? { field, reason } : { field });
  }

  static unauthenticated(message = 'Authentication required'): DomainError {
    return new DomainError(ErrorCode.UNAUTHENTICATED, message);
  }

  static forbidden(message: string): DomainError {
    return new DomainError(ErrorCode.FORBIDDEN, message);
  }
}
