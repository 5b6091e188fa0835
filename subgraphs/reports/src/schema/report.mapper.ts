import type { ReportDeliveryEntity } from '../entities/report-delivery.entity.js';
import type { ReportEntity } from '../entities/report.entity.js';
import type { ReportItemView } from '../services/report-read.service.js';
import type { ReportDelivery } from './report-delivery.type.js';
import type { ActionItem, Decision, Report } from './report.type.js';

export function toReport(entity: ReportEntity): Report {
  return {
    id: entity.id,
    meetingId: entity.meetingId,
    transcriptId: entity.transcriptId,
    version: entity.version,
    template: entity.template,
    instructions: entity.instructions,
    status: entity.status,
    progress: entity.progress,
    summary: entity.summary,
    summarySegments: entity.summarySegments,
    keyPoints: entity.keyPoints.map((point) => point.text),
    keyPointDetails: entity.keyPoints,
    topics: entity.topics.map((topic) => topic.text),
    topicDetails: entity.topics,
    attendees: entity.attendees,
    agenda: entity.agenda,
    markdown: entity.markdown,
    model: entity.model ?? 'pending',
    language: entity.language,
    failureReason: entity.failureReason,
    createdAt: entity.createdAt,
    startedAt: entity.startedAt,
    completedAt: entity.completedAt,
  };
}

export function toActionItem({ row, item }: ReportItemView): ActionItem {
  return {
    id: item.id,
    text: row.text,
    owner: row.owner,
    dueDate: row.dueDate,
    dueDateText: row.dueDateText,
    segments: row.segments,
    status: item.status,
  };
}

export function toDecision({ row, item }: ReportItemView): Decision {
  return { id: item.id, text: row.text, segments: row.segments, status: item.status };
}

export function toDelivery(entity: ReportDeliveryEntity): ReportDelivery {
  return {
    id: entity.id,
    reportId: entity.reportId,
    recipients: entity.recipients,
    status: entity.status,
    attempts: entity.attempts,
    accepted: entity.accepted,
    rejected: entity.rejected,
    error: entity.error,
    createdAt: entity.createdAt,
    sentAt: entity.sentAt,
  };
}
