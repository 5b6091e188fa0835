import type { AuthenticatedUser } from '@mymeet/auth';
import { isUuid, type MeetingAccessService } from '@mymeet/meeting-access';
import { ReportsError, ReportsErrorCode } from '../domain/reports-error.js';
import type { ReportItemKind, ReportItemStatus } from '../domain/report-vocabulary.js';
import type { ReportRepository } from '../repositories/report.repository.js';
import type { ReportItemView } from './report-read.service.js';

/** The owner ticks decisions and action items off; the status belongs to the item, in every version. */
export class ItemStatusService {
  constructor(
    private readonly reports: ReportRepository,
    private readonly access: MeetingAccessService,
  ) {}

  /** @returns the item as the newest finished version words it. */
  async setStatus(
    user: AuthenticatedUser,
    kind: ReportItemKind,
    id: string,
    status: ReportItemStatus,
  ): Promise<ReportItemView> {
    const [item] = isUuid(id) ? await this.reports.findTrackedByIds([id]) : [];
    const notFound = new ReportsError(ReportsErrorCode.ITEM_NOT_FOUND, 'No such item', { field: 'id' });
    if (!item || item.kind !== kind) throw notFound;
    try {
      await this.access.requireModifiable(
        user,
        item.meetingId,
        'Only the meeting owner can change the status of items',
      );
    } catch (error) {
      if (error instanceof ReportsError || (error as { publicCode?: string }).publicCode !== 'NOT_FOUND')
        throw error;
      throw notFound;
    }
    if (item.status !== status) {
      item.status = status;
      item.statusChangedBy = user.sub;
      item.statusChangedAt = new Date();
      await this.reports.commit();
    }
    const row = await this.reports.latestWording(item.id);
    if (!row) throw notFound;
    return { row, item };
  }
}
