import { CodedError, ErrorCode, type ErrorCodeTable, type ErrorDetails } from '@mymeet/core';

/** Why a reports use case refused; mapped to the API's codes once, below. */
export const ReportsErrorCode = {
  INVALID_INPUT: 'INVALID_INPUT',
  REPORT_NOT_FOUND: 'REPORT_NOT_FOUND',
  ITEM_NOT_FOUND: 'ITEM_NOT_FOUND',
  NO_TRANSCRIPT: 'NO_TRANSCRIPT',
  TOO_MANY_REPORTS: 'TOO_MANY_REPORTS',
  REPORT_NOT_READY: 'REPORT_NOT_READY',
  RECIPIENT_NOT_PARTICIPANT: 'RECIPIENT_NOT_PARTICIPANT',
  TOO_MANY_DELIVERIES: 'TOO_MANY_DELIVERIES',
  MAIL_NOT_CONFIGURED: 'MAIL_NOT_CONFIGURED',
} as const;

export type ReportsErrorCode = (typeof ReportsErrorCode)[keyof typeof ReportsErrorCode];

const REPORTS_ERRORS: ErrorCodeTable<ReportsErrorCode> = {
  INVALID_INPUT: { publicCode: ErrorCode.BAD_USER_INPUT, retryable: false },
  // Invisible and missing look the same, so callers never learn that another user's report exists.
  REPORT_NOT_FOUND: { publicCode: ErrorCode.NOT_FOUND, retryable: false },
  ITEM_NOT_FOUND: { publicCode: ErrorCode.NOT_FOUND, retryable: false },
  NO_TRANSCRIPT: { publicCode: ErrorCode.BAD_USER_INPUT, retryable: false },
  TOO_MANY_REPORTS: { publicCode: ErrorCode.BAD_USER_INPUT, retryable: false },
  REPORT_NOT_READY: { publicCode: ErrorCode.BAD_USER_INPUT, retryable: false },
  RECIPIENT_NOT_PARTICIPANT: { publicCode: ErrorCode.FORBIDDEN, retryable: false },
  TOO_MANY_DELIVERIES: { publicCode: ErrorCode.BAD_USER_INPUT, retryable: false },
  MAIL_NOT_CONFIGURED: { publicCode: ErrorCode.BAD_USER_INPUT, retryable: false },
};

/** A coded error of the reports service; its message is safe to show to the user. */
export class ReportsError extends CodedError<ReportsErrorCode> {
  constructor(code: ReportsErrorCode, message: string, details: ErrorDetails = {}, cause?: unknown) {
    super(code, REPORTS_ERRORS[code], message, details, cause);
  }

  static invalidInput(field: string, message: string, reason?: string): ReportsError {
    return new ReportsError(ReportsErrorCode.INVALID_INPUT, message, {
      field,
      ...(reason ? { reason } : {}),
    });
  }
}
