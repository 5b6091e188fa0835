import {
  Migration20261201000100MeetingAccess,
  Migration20261201000500MeetingAccessVocabulary,
} from '@mymeet/meeting-access';
import { Migration20261128000300CreateTranscripts } from './Migration20261128000300CreateTranscripts.js';
import { Migration20261202000100SearchIndex } from './Migration20261202000100SearchIndex.js';
import { Migration20261205000100Speakers } from './Migration20261205000100Speakers.js';

/** Committed migrations in order; they run at start. */
export const transcriptsMigrations = [
  Migration20261128000300CreateTranscripts,
  Migration20261201000100MeetingAccess,
  Migration20261201000500MeetingAccessVocabulary,
  Migration20261202000100SearchIndex,
  Migration20261205000100Speakers,
];
