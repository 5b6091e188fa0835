import type { MikroORM } from '@mikro-orm/postgresql';
import { STREAMS, eventKindFilter, parseEvent } from '@mymeet/contracts';
import type { Logger } from '@mymeet/core';
import { runDurableConsumer, type Messaging, type RunningConsumer } from '@mymeet/messaging';
import { STATUS_EVENT_KINDS } from '../domain/meeting-status.js';
import { MeetingStatusService } from '../services/meeting-status.service.js';

/** Persists pipeline progress into meeting status; one durable consumer shared by all instances. */
export async function consumeMeetingStatusEvents(
  orm: MikroORM,
  messaging: Messaging,
  logger: Logger,
  consumerPrefix: string,
  deliverFrom: 'all' | 'new' = 'all',
): Promise<RunningConsumer[]> {
  return Promise.all(
    STATUS_EVENT_KINDS.map((kind) =>
      runDurableConsumer(messaging, {
        stream: STREAMS.events.name,
        durable: `${consumerPrefix}-status-${kind.replace('.', '-')}`,
        filterSubject: eventKindFilter(kind),
        deliverFrom,
        maxDeliver: 20,
        concurrency: 8,
        ackWaitMs: 30_000,
        backoffMs: [1_000, 5_000, 30_000],
        handlerTimeoutMs: 60_000,
        logger,
        onDeadLetter: async (letter) =>
          logger.error({ subject: letter.subject, reason: letter.reason }, 'status event dead-lettered'),
        handle: async (msg) => {
          const event = parseEvent(msg.json());
          await new MeetingStatusService(orm.em.fork()).apply(event);
        },
      }),
    ),
  );
}
