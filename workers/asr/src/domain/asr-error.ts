import { CodedError, ErrorCode, type ErrorCodeTable, type ErrorDetails } from '@mymeet/core';

export const AsrErrorCode = {
  /** The chosen engine has no model for the meeting's language. */
  UNSUPPORTED_LANGUAGE: 'UNSUPPORTED_LANGUAGE',
  /** A configured model file is missing or unreadable. */
  MODEL_UNAVAILABLE: 'MODEL_UNAVAILABLE',
  /** The object is not audio ffmpeg can decode (corrupt, truncated, no audio stream). */
  UNREADABLE_MEDIA: 'UNREADABLE_MEDIA',
  /** The recording is gone from storage. */
  MEDIA_NOT_FOUND: 'MEDIA_NOT_FOUND',
  /** The decoded audio would not fit the job's local disk budget. */
  TEMP_BUDGET_EXCEEDED: 'TEMP_BUDGET_EXCEEDED',
  /** The engine failed in a way another attempt may not (a crash, a timeout, a refused request). */
  ENGINE_FAILED: 'ENGINE_FAILED',
  /** The engine refused for good (e.g. the API rejected the key or the model name). */
  ENGINE_REJECTED: 'ENGINE_REJECTED',
  /** Storage or the network failed; try again. */
  SOURCE_UNAVAILABLE: 'SOURCE_UNAVAILABLE',
  /** The attempt was aborted (handler timeout or shutdown). */
  ABORTED: 'ABORTED',
} as const;
export type AsrErrorCode = (typeof AsrErrorCode)[keyof typeof AsrErrorCode];

const internal = ErrorCode.INTERNAL_SERVER_ERROR;
const ASR_ERRORS: ErrorCodeTable<AsrErrorCode> = {
  UNSUPPORTED_LANGUAGE: { publicCode: ErrorCode.BAD_USER_INPUT, retryable: false },
  MODEL_UNAVAILABLE: { publicCode: internal, retryable: false },
  UNREADABLE_MEDIA: { publicCode: ErrorCode.BAD_USER_INPUT, retryable: false },
  MEDIA_NOT_FOUND: { publicCode: ErrorCode.NOT_FOUND, retryable: false },
  TEMP_BUDGET_EXCEEDED: { publicCode: internal, retryable: false },
  ENGINE_FAILED: { publicCode: internal, retryable: true },
  ENGINE_REJECTED: { publicCode: internal, retryable: false },
  SOURCE_UNAVAILABLE: { publicCode: internal, retryable: true },
  ABORTED: { publicCode: internal, retryable: true },
};

/** A transcription failure whose message a meeting owner can read (it becomes `transcript.failed.reason`). */
export class AsrError extends CodedError<AsrErrorCode> {
  constructor(code: AsrErrorCode, message: string, details?: ErrorDetails, cause?: unknown) {
    super(code, ASR_ERRORS[code], message, details, cause);
  }
}
