import { Migration20261128000100CreateMeetings } from './Migration20261128000100CreateMeetings.js';

/** Committed migrations in order; they run at start. */
export const meetingsMigrations = [Migration20261128000100CreateMeetings];
