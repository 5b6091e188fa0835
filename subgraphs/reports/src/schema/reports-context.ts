import DataLoader from 'dataloader';
import type { MikroORM } from '@mikro-orm/postgresql';
import { requireUser, type SubgraphContext } from '@mymeet/server';
import {
  DEFAULT_ACCESS_WAIT,
  MeetingAccessRepository,
  MeetingAccessService,
  type AccessWait,
} from '@mymeet/meeting-access';
import type { ReportItemKind } from '../domain/report-vocabulary.js';
import type { ReportDeliveryEntity } from '../entities/report-delivery.entity.js';
import type { ReportEntity } from '../entities/report.entity.js';
import { DeliveryRepository } from '../repositories/delivery.repository.js';
import { ReportRepository } from '../repositories/report.repository.js';
import { DeliveryRequestService } from '../services/delivery-request.service.js';
import { ItemStatusService } from '../services/item-status.service.js';
import { ReportReadService, type ReportItemView } from '../services/report-read.service.js';
import { ReportRunService } from '../services/report-run.service.js';

export interface ReportsContext extends SubgraphContext {
  runs: ReportRunService;
  read: ReportReadService;
  itemStatus: ItemStatusService;
  deliveries: DeliveryRequestService;
  /** Batches federation lookups of many reports into one query per request. */
  reportLoader: DataLoader<string, ReportEntity | null>;
  /** Batches `Meeting.reports` for many meetings. */
  reportsByMeetingLoader: DataLoader<string, ReportEntity[]>;
  /** Batches the decisions and action items of many reports. */
  itemsLoader: DataLoader<string, Record<ReportItemKind, ReportItemView[]>>;
  deliveriesLoader: DataLoader<Pick<ReportEntity, 'id' | 'meetingId'>, ReportDeliveryEntity[], string>;
}

/** One EntityManager fork per request, shared by that request's services. */
export function reportsContextFactory(
  orm: MikroORM,
  afterCommit: () => void,
  mailConfigured: boolean,
  accessWait: AccessWait = DEFAULT_ACCESS_WAIT,
) {
  return (base: SubgraphContext): ReportsContext => {
    const em = orm.em.fork();
    const reports = new ReportRepository(em, afterCommit);
    const deliveryRepository = new DeliveryRepository(em);
    const meetings = new MeetingAccessRepository(em);
    const access = new MeetingAccessService(meetings, accessWait);
    const read = new ReportReadService(reports, access, deliveryRepository);
    return {
      ...base,
      runs: new ReportRunService(reports, access, meetings),
      read,
      itemStatus: new ItemStatusService(reports, access),
      deliveries: new DeliveryRequestService(reports, deliveryRepository, read, access, mailConfigured),
      reportLoader: new DataLoader((ids) => read.findVisibleByIds(requireUser(base), ids)),
      reportsByMeetingLoader: new DataLoader((ids) => read.listForMeetings(requireUser(base), ids)),
      itemsLoader: new DataLoader((ids) => read.itemsOf(ids)),
      deliveriesLoader: new DataLoader((list) => read.deliveriesOf(requireUser(base), list), {
        cacheKeyFn: (report) => report.id,
      }),
    };
  };
}
