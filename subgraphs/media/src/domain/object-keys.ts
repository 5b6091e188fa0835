import { badInput } from './media-error.js';

/*
 * Where a meeting's bytes live in the bucket. Everything of one meeting sits under one prefix, so
 * deleting the meeting is one prefix delete; everything of one recording under its own.
 */

/** `meetings/<meetingId>/`: everything stored for one meeting. */
export function meetingObjectPrefix(meetingId: string): string {
  assertSafeId('meetingId', meetingId);
  return `meetings/${meetingId}/`;
}

/** `meetings/<meetingId>/<mediaId>/`: everything stored for one recording. */
export function mediaObjectPrefix(meetingId: string, mediaId: string): string {
  assertSafeId('mediaId', mediaId);
  return `${meetingObjectPrefix(meetingId)}${mediaId}/`;
}

/** The key a recording's bytes arrive at (an upload URL's target, or an import's destination). */
export function mediaObjectKey(meetingId: string, mediaId: string, keyFileName: string): string {
  return `${mediaObjectPrefix(meetingId, mediaId)}${keyFileName}`;
}

export function assertSafeId(field: string, id: string): void {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(id)) throw badInput(field, 'INVALID_ID', `"${field}" is not a valid id.`);
}
