import { CodedError, ErrorCode, type ErrorCodeTable } from '@mymeet/core';

export const MeetingAccessErrorCode = {
  MEETING_NOT_FOUND: 'MEETING_NOT_FOUND',
  NOT_MEETING_OWNER: 'NOT_MEETING_OWNER',
} as const;
export type MeetingAccessErrorCode = (typeof MeetingAccessErrorCode)[keyof typeof MeetingAccessErrorCode];

const TABLE: ErrorCodeTable<MeetingAccessErrorCode> = {
  MEETING_NOT_FOUND: { publicCode: ErrorCode.NOT_FOUND, retryable: false },
  NOT_MEETING_OWNER: { publicCode: ErrorCode.FORBIDDEN, retryable: false },
};

export class MeetingAccessError extends CodedError<MeetingAccessErrorCode> {
  constructor(code: MeetingAccessErrorCode, message: string) {
    super(code, TABLE[code], message);
  }
}
