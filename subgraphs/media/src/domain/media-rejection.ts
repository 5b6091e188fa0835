/** Why an upload was refused; stable codes clients may branch on, each with a readable message. */
export type RejectionReason =
  | 'NOT_UPLOADED'
  | 'EMPTY_FILE'
  | 'SIZE_MISMATCH'
  | 'NOT_MEDIA'
  | 'NO_AUDIO_STREAM'
  | 'TYPE_MISMATCH'
  | 'TRUNCATED'
  | 'TOO_SHORT'
  | 'TOO_LONG';

export interface MediaRejection {
  accepted: false;
  reason: RejectionReason;
  message: string;
}

export function reject(reason: RejectionReason, message: string): MediaRejection {
  return { accepted: false, reason, message };
}
