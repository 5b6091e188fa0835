import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  createEvent,
  createJob,
  eventSubject,
  jobSubject,
  type EventEnvelope,
  type EventKind,
  type EventPayload,
  type JobEnvelope,
  type JobKind,
  type JobPayload,
} from '@mymeet/contracts';
import { OutboxEvent } from './outbox-event.entity.js';

/** Stages an event in the caller's unit of work; it is committed with the state change it announces. */
export function stageEvent<K extends EventKind>(
  em: EntityManager,
  kind: K,
  meetingId: string,
  payload: EventPayload<K>,
): EventEnvelope<K> {
  const envelope = createEvent(kind, meetingId, payload);
  stage(em, envelope.id, eventSubject(meetingId, kind), envelope, meetingId);
  return envelope;
}

/**
 * Stages a job the same way, so a job is queued if and only if the change that asks for it commits.
 * Pass a stable id (e.g. the transcript id): JetStream then drops duplicate publishes.
 */
export function stageJob<K extends JobKind>(
  em: EntityManager,
  kind: K,
  payload: JobPayload<K>,
  id?: string,
): JobEnvelope<K> {
  const envelope = createJob(kind, payload, id);
  stage(em, envelope.id, jobSubject(kind), envelope, null);
  return envelope;
}

/**
 * Stages any message for a subject under a fresh outbox id (which is also its deduplication id),
 * e.g. a copy of an event for the compacted STATE stream; `aggregateId` keeps it in order with
 * the aggregate's other messages.
 */
export function stageMessage(
  em: EntityManager,
  subject: string,
  body: object,
  aggregateId: string | null,
): void {
  stage(em, randomUUID(), subject, body, aggregateId);
}

function stage(
  em: EntityManager,
  id: string,
  subject: string,
  envelope: object,
  aggregateId: string | null,
): void {
  em.persist(
    em.create(OutboxEvent, { id, subject, envelope: envelope as Record<string, unknown>, aggregateId }),
  );
}
