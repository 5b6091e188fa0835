import type { MikroORM } from '@mikro-orm/postgresql';
import { MEETING_STATE_FILTER, STREAMS, parseEvent } from '@mymeet/contracts';
import type { Logger } from '@mymeet/core';
import { runDurableConsumer, type Messaging, type RunningConsumer } from '@mymeet/messaging';
import { MeetingEventsService } from '../services/access/meeting-events.service.js';
import type { ObjectStoragePort } from '../storage/object-storage.port.js';

/**
 * Keeps media's copy of meeting visibility from the compacted STATE stream, which holds each
 * meeting's newest created/updated/deleted event with no age limit: a media deployment started
 * at any time learns every meeting, not only those whose events are still in EVENTS.
 */
export function consumeMeetingEvents(
  orm: MikroORM,
  messaging: Messaging,
  storage: ObjectStoragePort,
  logger: Logger,
  consumerPrefix: string,
  deliverFrom: 'all' | 'new' = 'all',
): Promise<RunningConsumer> {
  return runDurableConsumer(messaging, {
    stream: STREAMS.state.name,
    durable: `${consumerPrefix}-meeting-state`,
    filterSubject: MEETING_STATE_FILTER,
    deliverFrom,
    maxDeliver: 20,
    ackWaitMs: 30_000,
    backoffMs: [1_000, 5_000, 30_000],
    handlerTimeoutMs: 60_000,
    logger,
    onDeadLetter: async (letter) =>
      logger.error({ subject: letter.subject, reason: letter.reason }, 'meeting state event dead-lettered'),
    handle: async (msg) => {
      await new MeetingEventsService(orm.em.fork(), storage).apply(parseEvent(msg.json()));
    },
  });
}
