import {
  Migration20261201000100MeetingAccess,
  Migration20261201000500MeetingAccessVocabulary,
} from '@mymeet/meeting-access';
import { Migration20261201000400CreateReports } from './Migration20261201000400CreateReports.js';

/** Committed migrations in order; they run at start. */
export const reportsMigrations = [
  Migration20261201000100MeetingAccess,
  Migration20261201000500MeetingAccessVocabulary,
  Migration20261201000400CreateReports,
];
