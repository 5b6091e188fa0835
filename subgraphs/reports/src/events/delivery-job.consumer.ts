import type { MikroORM } from '@mikro-orm/postgresql';
import { STREAMS, jobSubject, parseJob } from '@mymeet/contracts';
import type { Logger } from '@mymeet/core';
import { runDurableConsumer, type Messaging, type RunningConsumer } from '@mymeet/messaging';
import type { MailConfig } from '../config.js';
import type { MailSenderPort } from '../mail/mail-sender.port.js';
import { DeliveryRepository } from '../repositories/delivery.repository.js';
import { ReportRepository } from '../repositories/report.repository.js';
import { DeliverySenderService } from '../services/delivery-sender.service.js';

/**
 * Sends recorded deliveries (`jobs.report-delivery`), shared by every instance. A transient SMTP
 * failure naks the job, which JetStream redelivers after the next configured delay; the last
 * attempt, or a crash on every attempt, settles the delivery FAILED with the reason.
 */
export function consumeDeliveryJobs(
  orm: MikroORM,
  messaging: Messaging,
  mail: MailSenderPort,
  config: Pick<MailConfig, 'maxAttempts' | 'retryDelaysMs' | 'timeoutMs'>,
  logger: Logger,
): Promise<RunningConsumer> {
  const senderFor = () => {
    const em = orm.em.fork();
    return new DeliverySenderService(new ReportRepository(em), new DeliveryRepository(em), mail, logger);
  };
  return runDurableConsumer(messaging, {
    stream: STREAMS.jobs.name,
    // Fixed, not prefixed: a work queue allows one consumer per subject, shared by every instance.
    durable: 'reports-delivery',
    filterSubject: jobSubject('report-delivery'),
    maxDeliver: config.maxAttempts,
    ackWaitMs: 30_000,
    backoffMs: config.retryDelaysMs,
    // Connection, greeting and every socket read are bounded by SMTP_TIMEOUT_MS; a send is a few of them.
    handlerTimeoutMs: Math.max(60_000, 6 * config.timeoutMs),
    concurrency: 4,
    logger,
    handle: async (msg, { finalAttempt }) => {
      const job = parseJob('report-delivery', msg.json());
      await senderFor().deliver(job.payload.deliveryId, finalAttempt);
    },
    onDeadLetter: async (letter) => {
      try {
        const job = parseJob('report-delivery', JSON.parse(new TextDecoder().decode(letter.data)));
        await senderFor().giveUp(job.payload.deliveryId, letter.reason);
      } catch (error) {
        logger.error({ err: error, subject: letter.subject }, 'could not record a dead-lettered delivery');
      }
    },
  });
}
