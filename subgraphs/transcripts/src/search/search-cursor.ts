import { createHash } from 'node:crypto';
import { TranscriptError, TranscriptErrorCode } from '../domain/transcript-error.js';

/**
 * Where a page of hits ended: the last hit's score and its passage (run, index; -1 is the meeting's
 * title). Both engines order by score descending, then run and index ascending, and continue
 * strictly after this key, so a page never repeats or skips a hit that did not change meanwhile.
 */
export interface SearchPosition {
  score: number;
  transcriptId: string;
  index: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The cursor names the search it came from: the same position means nothing for another query. */
export function searchScope(fingerprint: string): string {
  return createHash('sha256').update(fingerprint).digest('base64url').slice(0, 12);
}

export function encodeSearchCursor(scope: string, position: SearchPosition): string {
  return Buffer.from(JSON.stringify([scope, position.score, position.transcriptId, position.index])).toString(
    'base64url',
  );
}

export function decodeSearchCursor(scope: string, value: string): SearchPosition {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor('Invalid cursor: pass an endCursor this API returned');
  }
  if (
    !Array.isArray(parsed) ||
    parsed.length !== 4 ||
    typeof parsed[0] !== 'string' ||
    typeof parsed[1] !== 'number' ||
    !Number.isFinite(parsed[1]) ||
    typeof parsed[2] !== 'string' ||
    !UUID.test(parsed[2]) ||
    !Number.isInteger(parsed[3]) ||
    parsed[3] < -1
  ) {
    throw invalidCursor('Invalid cursor: pass an endCursor this API returned');
  }
  if (parsed[0] !== scope) {
    throw invalidCursor('This cursor belongs to another search: keep the query and filters while paging');
  }
  return { score: parsed[1], transcriptId: parsed[2], index: parsed[3] };
}

function invalidCursor(message: string): TranscriptError {
  return new TranscriptError(TranscriptErrorCode.INVALID_CURSOR, message, { field: 'after' });
}
