export { MeetingAccessEntity } from './meeting-access.entity.js';
export { Migration20261201000100MeetingAccess } from './meeting-access.migration.js';
export { Migration20261201000500MeetingAccessVocabulary } from './meeting-access-vocabulary.migration.js';
export { MeetingAccessRepository } from './meeting-access.repository.js';
export { applyMeetingState, isStaleMeetingVersion, type OnMeetingDeleted } from './meeting-state.service.js';
export { consumeMeetingState, type MeetingStateConsumerOptions } from './meeting-state.consumer.js';
export { MeetingAccessError, MeetingAccessErrorCode } from './meeting-access.error.js';
export {
  MeetingAccessService,
  DEFAULT_ACCESS_WAIT,
  isUuid,
  type AccessWait,
} from './meeting-access.service.js';
