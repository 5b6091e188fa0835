import type { Logger } from '@mymeet/core';
import { DeliveryStatus } from '../domain/report-vocabulary.js';
import { MailSendError, type MailSenderPort } from '../mail/mail-sender.port.js';
import { reportEmail } from '../mail/report-email.js';
import type { DeliveryRepository } from '../repositories/delivery.repository.js';
import type { ReportRepository } from '../repositories/report.repository.js';

/** Thrown to have the delivery job retried later (a transient SMTP failure). */
export class RetryDeliveryLater extends Error {
  override name = 'RetryDeliveryLater';
}

/**
 * Sends one recorded delivery and records the outcome of every attempt. A transient failure is
 * retried by the job's backoff; a permanent one (or the last attempt) settles it FAILED with the reason.
 */
export class DeliverySenderService {
  constructor(
    private readonly reports: ReportRepository,
    private readonly deliveries: DeliveryRepository,
    private readonly mail: MailSenderPort,
    private readonly logger: Logger,
  ) {}

  async deliver(deliveryId: string, finalAttempt: boolean): Promise<void> {
    const delivery = await this.deliveries.findById(deliveryId);
    if (!delivery || delivery.status !== DeliveryStatus.PENDING) return;
    const report = await this.reports.findById(delivery.reportId);
    if (!report) return;
    delivery.attempts++;
    try {
      const receipt = await this.mail.send(reportEmail(report, delivery.recipients));
      Object.assign(delivery, {
        status: receipt.accepted.length > 0 ? DeliveryStatus.SENT : DeliveryStatus.FAILED,
        messageId: receipt.messageId,
        accepted: receipt.accepted,
        rejected: receipt.rejected,
        error:
          receipt.rejected.length > 0 ? `Refused by the mail server: ${receipt.rejected.join(', ')}` : null,
        sentAt: new Date(),
      });
      await this.deliveries.save(delivery);
      this.logger.info({ deliveryId, accepted: receipt.accepted.length }, 'report e-mailed');
    } catch (error) {
      if (!(error instanceof MailSendError)) throw error;
      delivery.error = error.message;
      if (error.transient && !finalAttempt) {
        await this.deliveries.save(delivery);
        throw new RetryDeliveryLater(error.message, { cause: error });
      }
      delivery.status = DeliveryStatus.FAILED;
      await this.deliveries.save(delivery);
      this.logger.warn({ deliveryId, err: error }, 'report e-mail failed');
    }
  }

  /** A delivery whose job was given up on (every attempt crashed) is FAILED with the reason. */
  async giveUp(deliveryId: string, reason: string): Promise<void> {
    const delivery = await this.deliveries.findById(deliveryId);
    if (!delivery || delivery.status !== DeliveryStatus.PENDING) return;
    delivery.status = DeliveryStatus.FAILED;
    delivery.error = delivery.error ?? reason;
    await this.deliveries.save(delivery);
  }
}
