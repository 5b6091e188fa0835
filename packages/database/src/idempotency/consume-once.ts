import type { EntityManager } from '@mikro-orm/postgresql';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { ProcessedEvent } from './processed-event.entity.js';

const PROCESSED_EVENT_KEY = 'processed_event_pkey';

/**
 * Applies an event's effect and records its id in one transaction. A redelivered event (same id)
 * is skipped, so effects happen once even when JetStream delivers twice.
 * @returns false when the event had already been processed.
 */
export async function consumeOnce(
  em: EntityManager,
  event: { id: string; kind: string },
  apply: (em: EntityManager) => Promise<void>,
): Promise<boolean> {
  if (await em.findOne(ProcessedEvent, { id: event.id })) return false;
  try {
    await em.transactional(async (tx) => {
      tx.persist(tx.create(ProcessedEvent, { id: event.id, kind: event.kind }));
      await apply(tx);
    });
    return true;
  } catch (error) {
    // Only a concurrent delivery of the same event means "already applied"; any other unique
    // violation is the effect failing, which must be retried rather than acked and lost.
    if (isProcessedEventConflict(error)) return false;
    throw error;
  }
}

function isProcessedEventConflict(error: unknown): boolean {
  return (
    error instanceof UniqueConstraintViolationException &&
    (error as { constraint?: string }).constraint === PROCESSED_EVENT_KEY
  );
}
