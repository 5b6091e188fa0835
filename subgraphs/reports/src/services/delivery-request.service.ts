import type { AuthenticatedUser } from '@mymeet/auth';
import { canModify } from '@mymeet/auth';
import type { MeetingAccessService } from '@mymeet/meeting-access';
import { parseRecipients, requireAllowedRecipients } from '../domain/recipients.js';
import { ReportsError, ReportsErrorCode } from '../domain/reports-error.js';
import { REPORT_POLICY, ReportStatus } from '../domain/report-vocabulary.js';
import { ReportDeliveryEntity } from '../entities/report-delivery.entity.js';
import type { DeliveryRepository } from '../repositories/delivery.repository.js';
import type { ReportRepository } from '../repositories/report.repository.js';
import type { ReportReadService } from './report-read.service.js';

/**
 * `sendReport`: checks who may send to whom, records the delivery and queues its job in one
 * transaction. The job sends it (retrying transient SMTP failures), so a crash loses no delivery.
 */
export class DeliveryRequestService {
  constructor(
    private readonly reports: ReportRepository,
    private readonly deliveries: DeliveryRepository,
    private readonly read: ReportReadService,
    private readonly access: MeetingAccessService,
    private readonly mailConfigured: boolean,
  ) {}

  async send(
    user: AuthenticatedUser,
    reportId: string,
    to: readonly string[],
  ): Promise<ReportDeliveryEntity> {
    const report = await this.read.findVisible(user, reportId);
    if (!report)
      throw new ReportsError(ReportsErrorCode.REPORT_NOT_FOUND, 'Report not found', { field: 'reportId' });
    if (!this.mailConfigured)
      throw new ReportsError(
        ReportsErrorCode.MAIL_NOT_CONFIGURED,
        'E-mail is not set up on this server (SMTP_URL)',
      );
    if (report.status !== ReportStatus.READY)
      throw new ReportsError(ReportsErrorCode.REPORT_NOT_READY, 'Only a READY report can be sent', {
        field: 'reportId',
      });
    const recipients = parseRecipients(to);
    const meeting = await this.access.requireVisible(user, report.meetingId);
    requireAllowedRecipients(
      recipients,
      { isOwner: canModify(user, meeting), email: user.email },
      meeting.participantEmails,
    );
    if ((await this.deliveries.countForReport(report.id)) >= REPORT_POLICY.maxDeliveriesPerReport)
      throw new ReportsError(
        ReportsErrorCode.TOO_MANY_DELIVERIES,
        `A report can be sent at most ${REPORT_POLICY.maxDeliveriesPerReport} times`,
        { field: 'reportId' },
      );
    return this.reports.inTransaction(async (reports) => {
      const delivery = Object.assign(new ReportDeliveryEntity(), {
        reportId: report.id,
        meetingId: report.meetingId,
        requestedBy: user.sub,
        recipients,
      });
      reports.add(delivery);
      reports.stageJob('report-delivery', { deliveryId: delivery.id }, delivery.id);
      return delivery;
    });
  }
}
