import { MeetingError, MeetingErrorCode } from './meeting-error.js';

/** Keyset position in the newest-first listing: the meeting's time and id, opaque to clients. */
export interface MeetingCursor {
  occursAt: Date;
  id: string;
}

export function encodeCursor(cursor: MeetingCursor): string {
  return Buffer.from(`${cursor.occursAt.toISOString()}|${cursor.id}`).toString('base64url');
}

export function decodeCursor(value: string): MeetingCursor {
  const [time, id, extra] = Buffer.from(value, 'base64url').toString('utf8').split('|');
  const occursAt = new Date(time ?? '');
  if (!id || extra !== undefined || Number.isNaN(occursAt.getTime()) || !/^[0-9a-f-]{36}$/i.test(id)) {
    throw new MeetingError(MeetingErrorCode.INVALID_CURSOR, 'Invalid cursor', { field: 'after' });
  }
  return { occursAt, id };
}
