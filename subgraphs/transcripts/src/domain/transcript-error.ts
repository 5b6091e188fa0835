import { CodedError, ErrorCode, type ErrorCodeTable, type ErrorDetails } from '@mymeet/core';

/** Why a transcripts use case refused or a worker event could not apply; mapped to the API's codes once, below. */
export const TranscriptErrorCode = {
  INVALID_INPUT: 'INVALID_INPUT',
  INVALID_CURSOR: 'INVALID_CURSOR',
  TRANSCRIPT_NOT_FOUND: 'TRANSCRIPT_NOT_FOUND',
  MEETING_NOT_FOUND: 'MEETING_NOT_FOUND',
  NOT_MEETING_OWNER: 'NOT_MEETING_OWNER',
  TRANSCRIPT_NOT_COMPLETED: 'TRANSCRIPT_NOT_COMPLETED',
  NO_RECORDING: 'NO_RECORDING',
  RUN_NOT_KNOWN_YET: 'RUN_NOT_KNOWN_YET',
  INVALID_WORKER_EVENT: 'INVALID_WORKER_EVENT',
} as const;

export type TranscriptErrorCode = (typeof TranscriptErrorCode)[keyof typeof TranscriptErrorCode];

const TRANSCRIPT_ERRORS: ErrorCodeTable<TranscriptErrorCode> = {
  INVALID_INPUT: { publicCode: ErrorCode.BAD_USER_INPUT, retryable: false },
  INVALID_CURSOR: { publicCode: ErrorCode.BAD_USER_INPUT, retryable: false },
  // Invisible and missing look the same, so callers never learn that another user's data exists.
  TRANSCRIPT_NOT_FOUND: { publicCode: ErrorCode.NOT_FOUND, retryable: false },
  MEETING_NOT_FOUND: { publicCode: ErrorCode.NOT_FOUND, retryable: false },
  NOT_MEETING_OWNER: { publicCode: ErrorCode.FORBIDDEN, retryable: false },
  TRANSCRIPT_NOT_COMPLETED: { publicCode: ErrorCode.BAD_USER_INPUT, retryable: false },
  NO_RECORDING: { publicCode: ErrorCode.BAD_USER_INPUT, retryable: false },
  // A worker event whose run's `media.ready` is still on the way through another consumer.
  RUN_NOT_KNOWN_YET: { publicCode: ErrorCode.INTERNAL_SERVER_ERROR, retryable: true },
  // A worker event that can never apply (a segment ending before it starts): dead-lettered at once.
  INVALID_WORKER_EVENT: { publicCode: ErrorCode.INTERNAL_SERVER_ERROR, retryable: false },
};

/** A coded error of the transcripts service; its message is safe to show to the user. */
export class TranscriptError extends CodedError<TranscriptErrorCode> {
  constructor(code: TranscriptErrorCode, message: string, details: ErrorDetails = {}, cause?: unknown) {
    super(code, TRANSCRIPT_ERRORS[code], message, details, cause);
  }

  /** The user sent something we refuse, in a named field. */
  static invalidInput(field: string, message: string): TranscriptError {
    return new TranscriptError(TranscriptErrorCode.INVALID_INPUT, message, { field });
  }

  static transcriptNotFound(): TranscriptError {
    return new TranscriptError(TranscriptErrorCode.TRANSCRIPT_NOT_FOUND, 'Transcript not found');
  }

  static meetingNotFound(): TranscriptError {
    return new TranscriptError(TranscriptErrorCode.MEETING_NOT_FOUND, 'Meeting not found');
  }
}
