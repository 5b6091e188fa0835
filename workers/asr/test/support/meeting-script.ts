import type { SpokenTurn } from '@mymeet/testing';

/** Sentences a meeting might hold, spoken by four distinct flite voices. */
export const MEETING_TURNS: SpokenTurn[] = [
  { voice: 'rms', text: 'Good morning everyone, let us start with the quarterly budget review.' },
  { voice: 'slt', text: 'The marketing team will present the new campaign next week.' },
  { voice: 'awb', text: 'We need to hire two more engineers before the end of the year.' },
  { voice: 'kal16', text: 'Please send the meeting notes to all participants by Friday.' },
  { voice: 'rms', text: 'The customer reported a problem with the payment page yesterday.' },
  { voice: 'slt', text: 'Our sales grew by ten percent in the last quarter.' },
  { voice: 'awb', text: 'The server was down for about an hour on Tuesday night.' },
  { voice: 'kal16', text: 'Thank you all for joining, and have a great weekend.' },
];
