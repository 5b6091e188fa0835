/** Where a report run is. */
export enum ReportStatus {
  QUEUED = 'QUEUED',
  GENERATING = 'GENERATING',
  READY = 'READY',
  FAILED = 'FAILED',
}

export enum ReportTemplate {
  SUMMARY = 'SUMMARY',
  PROTOCOL = 'PROTOCOL',
  ACTION_ITEMS = 'ACTION_ITEMS',
}

/** Why the run exists: the transcript completing, or someone asking. */
export enum ReportTrigger {
  AUTO = 'AUTO',
  REQUESTED = 'REQUESTED',
}

export enum ReportItemKind {
  DECISION = 'DECISION',
  ACTION_ITEM = 'ACTION_ITEM',
}

/** The owner ticks items off; the status belongs to the item, so every version shows it. */
export enum ReportItemStatus {
  OPEN = 'OPEN',
  DONE = 'DONE',
}

export enum DeliveryStatus {
  PENDING = 'PENDING',
  SENT = 'SENT',
  FAILED = 'FAILED',
}

/** A finished run never changes again: late or repeated worker events leave it alone. */
export function isSettled(status: ReportStatus): boolean {
  return status === ReportStatus.READY || status === ReportStatus.FAILED;
}

export const REPORT_POLICY = {
  /** Versions kept per meeting; each regeneration adds one. */
  maxReportsPerMeeting: 50,
  maxInstructionsChars: 2_000,
  maxDeliveriesPerReport: 20,
  maxRecipients: 50,
} as const;
