import { Migration20261128000100CreateMeetings } from './Migration20261128000100CreateMeetings.js';
import { Migration20261201000200MeetingVersion } from './Migration20261201000200MeetingVersion.js';
import { Migration20261201000600MeetingVocabulary } from './Migration20261201000600MeetingVocabulary.js';

/** Committed migrations in order; they run at start. */
export const meetingsMigrations = [
  Migration20261128000100CreateMeetings,
  Migration20261201000200MeetingVersion,
  Migration20261201000600MeetingVocabulary,
];
