import type { MikroORM } from '@mikro-orm/postgresql';
import { STREAMS, parseEvent } from '@mymeet/contracts';
import type { Logger } from '@mymeet/core';
import { runDurableConsumer, type Messaging, type RunningConsumer } from '@mymeet/messaging';
import { MeetingEventsService } from '../services/meeting-events.service.js';
import type { ObjectStoragePort } from '../storage/object-storage.port.js';

/**
 * Keeps media's copy of meeting visibility. One filter (`events.meeting.*.meeting.*`) covers
 * created, updated and deleted, so they arrive in order through one durable consumer.
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
    stream: STREAMS.events.name,
    durable: `${consumerPrefix}-meeting-access`,
    filterSubject: 'events.meeting.*.meeting.*',
    deliverFrom,
    maxDeliver: 20,
    ackWaitMs: 30_000,
    backoffMs: [1_000, 5_000, 30_000],
    logger,
    handle: async (msg) => {
      await new MeetingEventsService(orm.em.fork(), storage).apply(parseEvent(msg.json()));
    },
  });
}
