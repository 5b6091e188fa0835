import { Migration20261128000300CreateTranscripts } from './Migration20261128000300CreateTranscripts.js';

/** Committed migrations in order; they run at start. */
export const transcriptsMigrations = [Migration20261128000300CreateTranscripts];
