import { STREAMS, jobSubject, parseJob } from '@mymeet/contracts';
import type { Logger } from '@mymeet/core';
import { runDurableConsumer, type DeadLetter, type Messaging, type RunningConsumer } from '@mymeet/messaging';
import { ReportError } from '../domain/report-error.js';
import type { ReportEventsPort } from '../events/report-events.port.js';
import type { ReportGenerationService } from '../generation/report-generation.service.js';

export interface ReportJobOptions {
  maxDeliver: number;
  handlerTimeoutMs: number;
  concurrency: number;
}

/** Fixed, not prefixed: a work queue allows one consumer per subject, shared by every worker instance. */
export const REPORT_WORKER_DURABLE = 'report-worker';

/**
 * Takes `jobs.report`, heartbeating while a run lasts; a crashed worker's job goes to another
 * instance after ack_wait. A run that can never succeed, or fails on its last attempt, becomes
 * `report.failed` with a reason the meeting owner can read.
 */
export function consumeReportJobs(
  messaging: Messaging,
  service: ReportGenerationService,
  events: ReportEventsPort,
  options: ReportJobOptions,
  logger: Logger,
): Promise<RunningConsumer> {
  return runDurableConsumer(messaging, {
    stream: STREAMS.jobs.name,
    durable: REPORT_WORKER_DURABLE,
    filterSubject: jobSubject('report'),
    maxDeliver: options.maxDeliver,
    ackWaitMs: 30_000,
    heartbeatMs: 5_000,
    handlerTimeoutMs: options.handlerTimeoutMs,
    backoffMs: [5_000, 30_000, 120_000],
    concurrency: options.concurrency,
    logger,
    handle: async (msg, { signal, attempt }) => {
      const job = parseJob('report', msg.json());
      logger.info(
        { reportId: job.payload.reportId, attempt, template: job.payload.template },
        'report run started',
      );
      try {
        await service.run(job.payload, signal);
      } catch (error) {
        if (signal.aborted && !(error instanceof ReportError && !error.retryable)) {
          throw new ReportError(
            'ABORTED',
            `Making the report took longer than ${Math.round(options.handlerTimeoutMs / 1000)} s.`,
            {},
            error,
          );
        }
        throw error;
      }
    },
    onDeadLetter: (letter) => reportFailure(letter, events, logger),
  });
}

async function reportFailure(letter: DeadLetter, events: ReportEventsPort, logger: Logger): Promise<void> {
  let job;
  try {
    job = parseJob('report', JSON.parse(new TextDecoder().decode(letter.data)));
  } catch {
    logger.error({ subject: letter.subject }, 'dead-lettered an unreadable report job; no report to fail');
    return;
  }
  const crashed = letter.reason.startsWith('Gave up after');
  await events.failed(job.payload.meetingId, {
    reportId: job.payload.reportId,
    reason: crashed
      ? `Making the report stopped unexpectedly ${letter.deliveries} times (the worker crashed or ran out of memory); please generate it again.`
      : letter.reason,
  });
}
