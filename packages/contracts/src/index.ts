export { STREAMS, DEAD_LETTER_SUBJECT_PREFIX, MEETING_STATE_FILTER, meetingStateSubject } from './streams.js';
export { eventCatalogue, EVENT_KINDS, type EventKind, type EventPayload } from './events/event-catalogue.js';
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
