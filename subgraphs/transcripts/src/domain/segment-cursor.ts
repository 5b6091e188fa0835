import { TranscriptError, TranscriptErrorCode } from './transcript-error.js';

/** Position in a transcript's segments: the index of the last one seen, opaque to clients. */
export function encodeSegmentCursor(index: number): string {
  return Buffer.from(`segment:${index}`).toString('base64url');
}

export function decodeSegmentCursor(value: string): number {
  const match = /^segment:(\d{1,9})$/.exec(Buffer.from(value, 'base64url').toString('utf8'));
  if (!match)
    throw new TranscriptError(
      TranscriptErrorCode.INVALID_CURSOR,
      'Invalid cursor: pass an endCursor this API returned',
      {
        field: 'after',
      },
    );
  return Number(match[1]);
}

export const SEGMENT_PAGE = { default: 100, max: 1000 } as const;

/** The page size asked for, or BAD_USER_INPUT on `first`. */
export function segmentPageSize(first: number | null | undefined): number {
  if (first === null || first === undefined) return SEGMENT_PAGE.default;
  if (!Number.isInteger(first) || first < 0 || first > SEGMENT_PAGE.max) {
    throw TranscriptError.invalidInput('first', `first must be between 0 and ${SEGMENT_PAGE.max}`);
  }
  return first;
}
