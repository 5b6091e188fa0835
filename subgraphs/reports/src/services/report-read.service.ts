import { canModify, type AuthenticatedUser } from '@mymeet/auth';
import { isUuid, type MeetingAccessService } from '@mymeet/meeting-access';
import { ReportItemKind } from '../domain/report-vocabulary.js';
import type { ReportDeliveryEntity } from '../entities/report-delivery.entity.js';
import type { ReportItemEntity } from '../entities/report-item.entity.js';
import type { ReportEntity } from '../entities/report.entity.js';
import type { TrackedItemEntity } from '../entities/tracked-item.entity.js';
import type { DeliveryRepository } from '../repositories/delivery.repository.js';
import type { ReportRepository } from '../repositories/report.repository.js';

/** An item as one version words it, with the status the owner gave it. */
export interface ReportItemView {
  row: ReportItemEntity;
  item: TrackedItemEntity;
}

/** Reading reports the caller may see: by id, a meeting's versions, their items. Batched for loaders. */
export class ReportReadService {
  constructor(
    private readonly reports: ReportRepository,
    private readonly access: MeetingAccessService,
    private readonly deliveries: DeliveryRepository,
  ) {}

  async findVisible(user: AuthenticatedUser, id: string): Promise<ReportEntity | null> {
    return (await this.findVisibleByIds(user, [id]))[0] ?? null;
  }

  /** In the order of `ids`, null where missing or not visible. */
  async findVisibleByIds(
    user: AuthenticatedUser,
    ids: readonly string[],
  ): Promise<Array<ReportEntity | null>> {
    const found = await this.reports.findByIds(ids.filter(isUuid));
    const meetings = await this.access.visibleMeetings(user, [...new Set(found.map((r) => r.meetingId))]);
    const byId = new Map(found.filter((r) => meetings.has(r.meetingId)).map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  /** Each meeting's reports, newest version first; none for a meeting the user may not see. */
  async listForMeetings(user: AuthenticatedUser, meetingIds: readonly string[]): Promise<ReportEntity[][]> {
    const meetings = await this.access.visibleMeetings(user, meetingIds);
    const reports = await this.reports.findByMeetingIds([...meetings.keys()]);
    return meetingIds.map((id) => reports.filter((report) => report.meetingId === id));
  }

  /** Per report (already visible), its decisions then its action items, in the report's order. */
  async itemsOf(reportIds: readonly string[]): Promise<Array<Record<ReportItemKind, ReportItemView[]>>> {
    const views = await this.reports.itemsOf(reportIds);
    return reportIds.map((id) => {
      const own = views.filter((view) => view.row.reportId === id);
      return {
        [ReportItemKind.DECISION]: own.filter((view) => view.row.kind === ReportItemKind.DECISION),
        [ReportItemKind.ACTION_ITEM]: own.filter((view) => view.row.kind === ReportItemKind.ACTION_ITEM),
      };
    });
  }

  /** Per report (already visible): all its deliveries for the meeting owner, one's own for anyone else. */
  async deliveriesOf(
    user: AuthenticatedUser,
    reports: ReadonlyArray<Pick<ReportEntity, 'id' | 'meetingId'>>,
  ): Promise<ReportDeliveryEntity[][]> {
    const meetings = await this.access.visibleMeetings(user, [
      ...new Set(reports.map((report) => report.meetingId)),
    ]);
    const all = await this.deliveries.findForReports(reports.map((report) => report.id));
    return reports.map((report) => {
      const meeting = meetings.get(report.meetingId);
      const owner = meeting !== undefined && canModify(user, meeting);
      return all.filter((d) => d.reportId === report.id && (owner || d.requestedBy === user.sub));
    });
  }
}
