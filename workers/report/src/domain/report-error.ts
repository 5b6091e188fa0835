import { CodedError, ErrorCode, type ErrorCodeTable, type ErrorDetails } from '@mymeet/core';

/** Why a report run failed; messages are shown to the meeting owner as the failure reason. */
export const ReportErrorCode = {
  TRANSCRIPT_NOT_FOUND: 'TRANSCRIPT_NOT_FOUND',
  TRANSCRIPT_EMPTY: 'TRANSCRIPT_EMPTY',
  TRANSCRIPT_TOO_LONG: 'TRANSCRIPT_TOO_LONG',
  TRANSCRIPTS_UNAVAILABLE: 'TRANSCRIPTS_UNAVAILABLE',
  LLM_TIMEOUT: 'LLM_TIMEOUT',
  LLM_UNAVAILABLE: 'LLM_UNAVAILABLE',
  LLM_REFUSED: 'LLM_REFUSED',
  LLM_MALFORMED_OUTPUT: 'LLM_MALFORMED_OUTPUT',
  ABORTED: 'ABORTED',
} as const;

export type ReportErrorCode = (typeof ReportErrorCode)[keyof typeof ReportErrorCode];

const REPORT_ERRORS: ErrorCodeTable<ReportErrorCode> = {
  TRANSCRIPT_NOT_FOUND: { publicCode: ErrorCode.NOT_FOUND, retryable: false },
  TRANSCRIPT_EMPTY: { publicCode: ErrorCode.BAD_USER_INPUT, retryable: false },
  TRANSCRIPT_TOO_LONG: { publicCode: ErrorCode.BAD_USER_INPUT, retryable: false },
  // The transcripts service restarting or briefly unreachable: the job is retried with backoff.
  TRANSCRIPTS_UNAVAILABLE: { publicCode: ErrorCode.INTERNAL_SERVER_ERROR, retryable: true },
  // Already retried with backoff inside the attempt; another attempt later may still succeed.
  LLM_TIMEOUT: { publicCode: ErrorCode.INTERNAL_SERVER_ERROR, retryable: true },
  LLM_UNAVAILABLE: { publicCode: ErrorCode.INTERNAL_SERVER_ERROR, retryable: true },
  // A 4xx from the endpoint (bad key, unknown model, prompt too large): no retry fixes configuration.
  LLM_REFUSED: { publicCode: ErrorCode.INTERNAL_SERVER_ERROR, retryable: false },
  // Retried once with the parser's error already; the model cannot produce the schema.
  LLM_MALFORMED_OUTPUT: { publicCode: ErrorCode.INTERNAL_SERVER_ERROR, retryable: false },
  ABORTED: { publicCode: ErrorCode.INTERNAL_SERVER_ERROR, retryable: true },
};

export class ReportError extends CodedError<ReportErrorCode> {
  constructor(code: ReportErrorCode, message: string, details: ErrorDetails = {}, cause?: unknown) {
    super(code, REPORT_ERRORS[code], message, details, cause);
  }
}
