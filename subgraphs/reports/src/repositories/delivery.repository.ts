import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ReportDeliveryEntity } from '../entities/report-delivery.entity.js';

/** Deliveries of reports by e-mail. */
export class DeliveryRepository {
  constructor(private readonly em: EntityManager) {}

  findById(id: string): Promise<ReportDeliveryEntity | null> {
    return this.em.findOne(ReportDeliveryEntity, { id }, { refresh: true });
  }

  /** Inside a transaction: locked, so two deliveries of the same job never both send. */
  lockById(id: string): Promise<ReportDeliveryEntity | null> {
    return this.em.findOne(
      ReportDeliveryEntity,
      { id },
      { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true },
    );
  }

  countForReport(reportId: string): Promise<number> {
    return this.em.count(ReportDeliveryEntity, { reportId });
  }

  /** Deliveries of these reports, oldest first. */
  findForReports(reportIds: readonly string[]): Promise<ReportDeliveryEntity[]> {
    if (reportIds.length === 0) return Promise.resolve([]);
    return this.em.find(
      ReportDeliveryEntity,
      { reportId: { $in: [...reportIds] } },
      { orderBy: { createdAt: 'asc' } },
    );
  }

  async save(delivery: ReportDeliveryEntity): Promise<void> {
    await this.em.persist(delivery).flush();
  }
}
