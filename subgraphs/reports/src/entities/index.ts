import { MeetingAccessEntity } from '@mymeet/meeting-access';
import { MeetingTranscriptEntity } from './meeting-transcript.entity.js';
import { ReportDeliveryEntity } from './report-delivery.entity.js';
import { ReportItemEntity } from './report-item.entity.js';
import { ReportEntity } from './report.entity.js';
import { TrackedItemEntity } from './tracked-item.entity.js';

export const reportsEntities = [
  ReportEntity,
  ReportItemEntity,
  TrackedItemEntity,
  ReportDeliveryEntity,
  MeetingTranscriptEntity,
  MeetingAccessEntity,
];
