import {
  Migration20261201000100MeetingAccess,
  Migration20261201000500MeetingAccessVocabulary,
} from '@mymeet/meeting-access';
import { Migration20261128000200CreateMedia } from './Migration20261128000200CreateMedia.js';
import { Migration20261201000200ImportClaims } from './Migration20261201000200ImportClaims.js';

/** Committed migrations in order; they run at start. */
export const mediaMigrations = [
  Migration20261128000200CreateMedia,
  Migration20261201000100MeetingAccess,
  Migration20261201000500MeetingAccessVocabulary,
  Migration20261201000200ImportClaims,
];
