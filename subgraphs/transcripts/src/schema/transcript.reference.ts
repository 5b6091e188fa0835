import { requireUser } from '@mymeet/server';
import type { Meeting } from './meeting.type.js';
import { toTranscript } from './transcript.mapper.js';
import type { Transcript } from './transcript.type.js';
import type { TranscriptsContext } from './transcripts-context.js';

/** Federation entry points: batched, visibility enforced (an invisible transcript resolves to null). */
export const transcriptReferenceResolvers = {
  Transcript: {
    async __resolveReference(reference: { id: string }, ctx: TranscriptsContext): Promise<Transcript | null> {
      requireUser(ctx);
      const run = await ctx.transcriptLoader.load(reference.id);
      return run && toTranscript(run);
    },
  },
  Meeting: {
    // Visibility is checked where the transcript is loaded: an invisible meeting has none.
    __resolveReference: (reference: { id: string }): Meeting => ({ id: reference.id }),
  },
};
