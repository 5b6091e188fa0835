/**
 * A worker event for a run this instance does not know yet: its `media.ready` is still on the way
 * through another consumer. Retried with backoff; it is not the event's fault.
 */
export class RunNotKnownYetError extends Error {
  override name = 'RunNotKnownYetError';
  readonly retryable = true;

  constructor(transcriptId: string) {
    super(`Transcript ${transcriptId} is not known yet (its media.ready may still be on the way)`);
  }
}

/** A worker event that can never apply (e.g. a segment ending before it starts): dead-lettered at once. */
export class InvalidWorkerEventError extends Error {
  override name = 'PermanentMessageError';
  readonly retryable = false;
}
