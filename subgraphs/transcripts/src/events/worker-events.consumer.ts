import type { MikroORM } from '@mikro-orm/postgresql';
import { STREAMS, parseEvent } from '@mymeet/contracts';
import type { Logger } from '@mymeet/core';
import { runDurableConsumer, type Messaging, type RunningConsumer } from '@mymeet/messaging';
import type { MeetingAccessFactory } from '../services/meeting-access.port.js';
import { TranscriptRepository } from '../repositories/transcript.repository.js';
import { WorkerDeadLetterService } from '../services/worker-dead-letter.service.js';
import { WorkerEventsService, isWorkerEvent } from '../services/worker-events.service.js';

/**
 * The ASR worker's progress, segments, completion and failure, through one durable consumer over
 * every `transcript.*` kind (one subject filter: NATS 2.9 has no multi-filter consumers). This
 * service's own `transcript.queued` and `transcript.ready` pass through it and are skipped.
 */
export function consumeWorkerEvents(
  orm: MikroORM,
  messaging: Messaging,
  access: MeetingAccessFactory,
  options: {
    logger: Logger;
    consumerPrefix: string;
    deliverFrom: 'all' | 'new';
    concurrency: number;
    afterCommit: () => void;
  },
): Promise<RunningConsumer> {
  return runDurableConsumer(messaging, {
    stream: STREAMS.events.name,
    durable: `${options.consumerPrefix}-worker-events`,
    filterSubject: 'events.meeting.*.transcript.*',
    deliverFrom: options.deliverFrom,
    // A run's media.ready may lag behind its first segments: retried for about ten minutes.
    maxDeliver: 25,
    concurrency: options.concurrency,
    ackWaitMs: 30_000,
    backoffMs: [500, 1_000, 2_000, 5_000, 10_000, 30_000],
    handlerTimeoutMs: 60_000,
    logger: options.logger,
    onDeadLetter: async (letter) => {
      options.logger.error({ subject: letter.subject, reason: letter.reason }, 'worker event dead-lettered');
      const repository = new TranscriptRepository(orm.em.fork(), options.afterCommit);
      await new WorkerDeadLetterService(repository).onDeadLetter(letter.data, letter.reason);
    },
    handle: async (msg) => {
      const event = parseEvent(msg.json());
      if (!isWorkerEvent(event)) return;
      const em = orm.em.fork();
      if (await new WorkerEventsService(em, access(em)).apply(event)) options.afterCommit();
    },
  });
}
