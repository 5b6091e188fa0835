import { createHash } from 'node:crypto';

// A fixed namespace for MyMeet's media → transcript ids (itself a random v4 UUID, never to change).
const TRANSCRIPT_NAMESPACE = 'f3b0c8de-5a3e-4d71-9c62-6f0e2b7a9d14';

/**
 * The id of the transcript a recording's first transcription fills: a UUIDv5 of the media id
 * (RFC 9562), so every run that validates the same recording (a duplicate job delivery, a second
 * instance, a retried completion) names the same transcript and the job id deduplicates it.
 */
export function transcriptIdFor(mediaId: string): string {
  return uuidV5(mediaId, TRANSCRIPT_NAMESPACE);
}

export function uuidV5(name: string, namespace: string): string {
  const hash = createHash('sha1')
    .update(Buffer.from(namespace.replace(/-/g, ''), 'hex'))
    .update(name, 'utf8')
    .digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
