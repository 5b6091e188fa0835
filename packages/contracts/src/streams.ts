export const DEAD_LETTER_SUBJECT_PREFIX = 'deadletter';

/** JetStream streams and the subjects they capture (see ARCHITECTURE.md, Messaging). */
export const STREAMS = {
  jobs: { name: 'JOBS', subjects: ['jobs.>'] },
  events: { name: 'EVENTS', subjects: ['events.>'] },
  /** Messages given up on, with their reason in headers; kept 30 days for inspection and replay. */
  deadLetters: { name: 'DEADLETTER', subjects: [`${DEAD_LETTER_SUBJECT_PREFIX}.>`] },
} as const;
