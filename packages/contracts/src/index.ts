export { STREAMS, DEAD_LETTER_SUBJECT_PREFIX, MEETING_STATE_FILTER, meetingStateSubject } from './streams.js';
export {
  eventCatalogue,
  EVENT_KINDS,
  LEGACY_MEETING_VERSION,
  type EventKind,
  type EventPayload,
} from './events/event-catalogue.js';
export {
  createEvent,
  parseEvent,
  eventSubject,
  eventKindFilter,
  EVENT_SCHEMA_VERSION,
  type EventEnvelope,
} from './events/event-envelope.js';
export {
  jobCatalogue,
  JOB_KINDS,
  createJob,
  parseJob,
  jobSubject,
  JOB_SCHEMA_VERSION,
  maxSpeakersFor,
  type JobKind,
  type JobPayload,
  type JobEnvelope,
} from './jobs/job-catalogue.js';
export {
  voiceprintSchema,
  voiceDistance,
  sameVoiceDistance,
  MFCC_VOICEPRINT_MODEL,
  type Voiceprint,
} from './events/voiceprint.js';
export {
  reportResultSchema,
  citedTextSchema,
  actionItemSchema,
  REPORT_LIMITS,
  type ReportResult,
  type ReportActionItem,
  type CitedText,
} from './events/report-result.js';
export {
  TRANSCRIPT_SEGMENTS_SUBJECT,
  TRANSCRIPT_SEGMENTS_QUEUE,
  SEGMENT_PAGE_LIMITS,
  segmentPage,
  transcriptSegmentsRequestSchema,
  transcriptSegmentsReplySchema,
  type TranscriptSegmentsRequest,
  type TranscriptSegmentsReply,
  type TranscriptSegmentRecord,
} from './internal/transcript-segments.js';
