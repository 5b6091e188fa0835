import type { MikroORM } from '@mikro-orm/postgresql';
import { STREAMS, eventKindFilter, parseEvent, type EventEnvelope, type EventKind } from '@mymeet/contracts';
import type { Logger } from '@mymeet/core';
import { consumeOnce } from '@mymeet/database';
import { MeetingAccessRepository, MeetingAccessService } from '@mymeet/meeting-access';
import { runDurableConsumer, type Messaging, type RunningConsumer } from '@mymeet/messaging';
import { ReportRepository } from '../repositories/report.repository.js';
import { ReportOutcomeService } from '../services/report-outcome.service.js';
import { ReportRunService } from '../services/report-run.service.js';

export interface ReportEventConsumerOptions {
  consumerPrefix: string;
  deliverFrom: 'all' | 'new';
  concurrency: number;
  logger: Logger;
  /** Publishes what the transaction staged (the outbox relay's kick). */
  afterCommit: () => void;
}

type Handler = (tx: ReportRepository, event: EventEnvelope) => Promise<unknown>;

/**
 * What the service learns from others: a transcript is ready (queue its report), and the worker's
 * progress, result or failure for a run. Each event applies once (its id is recorded in the same
 * transaction as its effect); one durable consumer per kind, shared by every instance.
 */
const HANDLERS: Partial<Record<EventKind, Handler>> = {
  'transcript.ready': (tx, event) =>
    new ReportRunService(
      tx,
      new MeetingAccessService(new MeetingAccessRepository(tx.em)),
      new MeetingAccessRepository(tx.em),
    ).onTranscriptReady(event as EventEnvelope<'transcript.ready'>),
  'report.progress': (tx, event) =>
    new ReportOutcomeService(tx).onProgress(event as EventEnvelope<'report.progress'>),
  'report.generated': (tx, event) =>
    new ReportOutcomeService(tx).onGenerated(event as EventEnvelope<'report.generated'>),
  'report.failed': (tx, event) =>
    new ReportOutcomeService(tx).onFailed(event as EventEnvelope<'report.failed'>),
};

export function consumeReportEvents(
  orm: MikroORM,
  messaging: Messaging,
  options: ReportEventConsumerOptions,
): Promise<RunningConsumer[]> {
  const { logger } = options;
  return Promise.all(
    Object.entries(HANDLERS).map(([kind, handler]) =>
      runDurableConsumer(messaging, {
        stream: STREAMS.events.name,
        durable: `${options.consumerPrefix}-${kind.replace('.', '-')}`,
        filterSubject: eventKindFilter(kind as EventKind),
        deliverFrom: options.deliverFrom,
        maxDeliver: 20,
        concurrency: options.concurrency,
        ackWaitMs: 30_000,
        backoffMs: [1_000, 5_000, 30_000],
        handlerTimeoutMs: 60_000,
        logger,
        onDeadLetter: async (letter) =>
          logger.error({ subject: letter.subject, reason: letter.reason }, 'report event dead-lettered'),
        handle: async (msg) => {
          const event = parseEvent(msg.json());
          const applied = await consumeOnce(orm.em.fork(), event, (tx) =>
            handler!(new ReportRepository(tx), event).then(() => undefined),
          );
          if (applied) options.afterCommit();
        },
      }),
    ),
  );
}
