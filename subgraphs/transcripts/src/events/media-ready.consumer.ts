import type { MikroORM } from '@mikro-orm/postgresql';
import { STREAMS, eventKindFilter, parseEvent, type EventEnvelope } from '@mymeet/contracts';
import type { Logger } from '@mymeet/core';
import { runDurableConsumer, type Messaging, type RunningConsumer } from '@mymeet/messaging';
import type { MeetingAccessFactory } from '../services/meeting-access.port.js';
import { TranscriptIntakeService } from '../services/transcript-intake.service.js';

/** Opens a run for every recording media announces; one durable consumer shared by all instances. */
export function consumeMediaReady(
  orm: MikroORM,
  messaging: Messaging,
  access: MeetingAccessFactory,
  options: { logger: Logger; consumerPrefix: string; deliverFrom: 'all' | 'new'; afterCommit: () => void },
): Promise<RunningConsumer> {
  return runDurableConsumer(messaging, {
    stream: STREAMS.events.name,
    durable: `${options.consumerPrefix}-media-ready`,
    filterSubject: eventKindFilter('media.ready'),
    deliverFrom: options.deliverFrom,
    maxDeliver: 20,
    concurrency: 4,
    ackWaitMs: 30_000,
    backoffMs: [1_000, 5_000, 30_000],
    handlerTimeoutMs: 60_000,
    logger: options.logger,
    // Without its run, the recording's worker events fail their runs' lookups and are dead-lettered too.
    onDeadLetter: async (letter) =>
      options.logger.error({ subject: letter.subject, reason: letter.reason }, 'media.ready dead-lettered'),
    handle: async (msg) => {
      const event = parseEvent(msg.json()) as EventEnvelope<'media.ready'>;
      const em = orm.em.fork();
      if (await new TranscriptIntakeService(em, access(em)).onMediaReady(event)) options.afterCommit();
    },
  });
}
