/** JetStream streams and the subjects they capture (see ARCHITECTURE.md, Messaging). */
export const STREAMS = {
  jobs: { name: 'JOBS', subjects: ['jobs.>'] },
  events: { name: 'EVENTS', subjects: ['events.>'] },
} as const;

export const DEAD_LETTER_SUBJECT_PREFIX = 'deadletter';
