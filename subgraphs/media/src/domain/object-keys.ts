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

/**
 * Where an upload's bytes are moved once `completeMediaUpload` accepts them: one segment deeper
 * than any key an upload URL can name (key file names never contain "/"), so no presigned URL,
 * reused or not, can replace what workers and participants read.
 */
export function acceptedObjectKey(meetingId: string, mediaId: string, uploadKey: string): string {
  const prefix = mediaObjectPrefix(meetingId, mediaId);
  if (!uploadKey.startsWith(prefix) || uploadKey.slice(prefix.length).includes('/')) {
    throw new Error(`${uploadKey} is not an upload key of media ${mediaId}`);
  }
  return `${prefix}accepted/${uploadKey.slice(prefix.length)}`;
}

/**
 * Where one run of a URL import streams its bytes. Each run has its own key, so a run that lost
 * its claim (a stalled instance waking up) can never overwrite what the winning run validated.
 */
export function importRunPrefix(meetingId: string, mediaId: string, runId: string): string {
  assertSafeId('runId', runId);
  return `${mediaObjectPrefix(meetingId, mediaId)}imports/${runId}/`;
}

export function importObjectKey(
  meetingId: string,
  mediaId: string,
  runId: string,
  keyFileName: string,
): string {
  return `${importRunPrefix(meetingId, mediaId, runId)}${keyFileName}`;
}

export function assertSafeId(field: string, id: string): void {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(id)) throw badInput(field, 'INVALID_ID', `"${field}" is not a valid id.`);
}
