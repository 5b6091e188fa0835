import { requireUser } from '@mymeet/server';
import { toMeeting } from './meeting.mapper.js';
import type { Meeting } from './meeting.type.js';
import type { MeetingsContext } from './meetings-context.js';

/** Federation entry point: other subgraphs' `Meeting` references resolve here, batched, visibility enforced. */
export const meetingReferenceResolvers = {
  Meeting: {
    async __resolveReference(reference: { id: string }, ctx: MeetingsContext): Promise<Meeting | null> {
      const user = requireUser(ctx);
      const meeting = await ctx.meetingLoader.load(reference.id);
      return meeting && toMeeting(meeting, user);
    },
  },
};
