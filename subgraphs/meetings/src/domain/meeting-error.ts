import { CodedError, ErrorCode, type ErrorCodeTable, type ErrorDetails } from '@mymeet/core';

/** Why a meeting use case refused; mapped to the API's codes once, below. */
export const MeetingErrorCode = {
  INVALID_INPUT: 'INVALID_INPUT',
  INVALID_CURSOR: 'INVALID_CURSOR',
  MEETING_NOT_FOUND: 'MEETING_NOT_FOUND',
  NOT_MEETING_OWNER: 'NOT_MEETING_OWNER',
} as const;

export type MeetingErrorCode = (typeof MeetingErrorCode)[keyof typeof MeetingErrorCode];

const MEETING_ERRORS: ErrorCodeTable<MeetingErrorCode> = {
  INVALID_INPUT: { publicCode: ErrorCode.BAD_USER_INPUT, retryable: false },
  INVALID_CURSOR: { publicCode: ErrorCode.BAD_USER_INPUT, retryable: false },
  // Invisible and missing look the same, so callers never learn that another user's meeting exists.
  MEETING_NOT_FOUND: { publicCode: ErrorCode.NOT_FOUND, retryable: false },
  NOT_MEETING_OWNER: { publicCode: ErrorCode.FORBIDDEN, retryable: false },
};

/** A coded error of the meetings service; its message is safe to show to the user. */
export class MeetingError extends CodedError<MeetingErrorCode> {
  constructor(code: MeetingErrorCode, message: string, details: ErrorDetails = {}, cause?: unknown) {
    super(code, MEETING_ERRORS[code], message, details, cause);
  }

  /** The user sent something we refuse, in a named field. */
  static invalidInput(field: string, message: string): MeetingError {
    return new MeetingError(MeetingErrorCode.INVALID_INPUT, message, { field });
  }
}
