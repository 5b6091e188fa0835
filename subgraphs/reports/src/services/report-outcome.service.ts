import type { CitedText, EventEnvelope, ReportActionItem } from '@mymeet/contracts';
import { itemSignature, matchItems } from '../domain/item-matching.js';
import { isSettled, ReportItemKind, ReportStatus } from '../domain/report-vocabulary.js';
import { ReportItemEntity } from '../entities/report-item.entity.js';
import type { ReportEntity } from '../entities/report.entity.js';
import { TrackedItemEntity } from '../entities/tracked-item.entity.js';
import type { ReportRepository } from '../repositories/report.repository.js';

/**
 * Applies the worker's events to a run, inside each event's transaction with the run's row locked.
 * A READY run never changes again and a FAILED one only becomes READY, so redelivered, late or
 * duplicate events (a job redelivered after it finished) change nothing.
 */
export class ReportOutcomeService {
  constructor(private readonly reports: ReportRepository) {}

  async onProgress(event: EventEnvelope<'report.progress'>): Promise<void> {
    const report = await this.reports.lockById(event.payload.reportId);
    if (!report || isSettled(report.status)) return;
    report.status = ReportStatus.GENERATING;
    report.progress = Math.max(report.progress, event.payload.percent);
    report.startedAt ??= new Date(event.occurredAt);
  }

  async onFailed(event: EventEnvelope<'report.failed'>): Promise<void> {
    const report = await this.reports.lockById(event.payload.reportId);
    if (!report || isSettled(report.status)) return;
    report.status = ReportStatus.FAILED;
    report.failureReason = event.payload.reason;
    report.completedAt = new Date(event.occurredAt);
  }

  /**
   * Stores the result, gives its items their stable ids, and announces `report.completed`. A result
   * wins over a failure that overtook it (an attempt that failed after an earlier one had succeeded:
   * the kinds travel on separate consumers), so the outcome does not depend on arrival order.
   */
  async onGenerated(event: EventEnvelope<'report.generated'>): Promise<void> {
    const report = await this.reports.lockById(event.payload.reportId);
    if (!report || report.status === ReportStatus.READY) return;
    const { result, model, language } = event.payload;
    Object.assign(report, {
      status: ReportStatus.READY,
      progress: 100,
      model,
      language: language ?? null,
      summary: result.summary.text,
      summarySegments: result.summary.segments,
      keyPoints: result.keyPoints,
      topics: result.topics,
      attendees: result.attendees,
      agenda: result.agenda,
      markdown: result.markdown,
      failureReason: null,
      startedAt: report.startedAt ?? new Date(event.occurredAt),
      completedAt: new Date(event.occurredAt),
    });
    await this.track(report, ReportItemKind.DECISION, result.decisions);
    await this.track(report, ReportItemKind.ACTION_ITEM, result.actionItems);
    this.reports.stageEvent('report.completed', report.meetingId, { reportId: report.id });
  }

  /**
   * Each item continues the meeting's tracked item it matches (keeping its id and open/done status,
   * taking the new wording) or starts a new one.
   */
  private async track(
    report: ReportEntity,
    kind: ReportItemKind,
    items: ReadonlyArray<CitedText | ReportActionItem>,
  ) {
    const known = await this.reports.lockTrackedItems(report.meetingId, kind);
    const ids = matchItems(items, known, report.transcriptId);
    const byId = new Map(known.map((item) => [item.id, item]));
    const trackedIds: string[] = [];
    items.forEach((item, position) => {
      const signature = itemSignature(item.text);
      let tracked = ids[position] ? byId.get(ids[position]!)! : undefined;
      if (!tracked) {
        tracked = Object.assign(new TrackedItemEntity(), { meetingId: report.meetingId, kind });
        this.reports.add(tracked);
      }
      Object.assign(tracked, { signature, segments: item.segments, transcriptId: report.transcriptId });
      trackedIds.push(tracked.id);
    });
    // The rows reference the tracked items, which must therefore be written first.
    await this.reports.flush();
    items.forEach((item, position) => {
      const action = 'owner' in item ? item : null;
      this.reports.add(
        Object.assign(new ReportItemEntity(), {
          reportId: report.id,
          kind,
          position,
          itemId: trackedIds[position]!,
          text: item.text,
          owner: action?.owner ?? null,
          dueDate: action?.dueDate ?? null,
          dueDateText: action?.dueDateText ?? null,
          segments: item.segments,
        }),
      );
    });
  }
}
