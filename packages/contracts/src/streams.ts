export const DEAD_LETTER_SUBJECT_PREFIX = 'deadletter';

/** JetStream streams and the subjects they capture (see ARCHITECTURE.md, Messaging). */
export const STREAMS = {
  jobs: { name: 'JOBS', subjects: ['jobs.>'] },
  events: { name: 'EVENTS', subjects: ['events.>'] },
  /**
   * The latest fact about each entity, one message per subject and no age limit (a compacted log):
   * a service deployed long after the EVENTS history expired still learns every meeting from here.
   */
  state: { name: 'STATE', subjects: ['state.>'] },
  /** Messages given up on, with their reason in headers; kept 30 days for inspection and replay. */
  deadLetters: { name: 'DEADLETTER', subjects: [`${DEAD_LETTER_SUBJECT_PREFIX}.>`] },
} as const;

/** Where the newest `meeting.created/updated/deleted` event of a meeting is kept. */
export function meetingStateSubject(meetingId: string): string {
  return `state.meeting.${meetingId}`;
}

/** Every meeting's latest state. */
export const MEETING_STATE_FILTER = 'state.meeting.*';
