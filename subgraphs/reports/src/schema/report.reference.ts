import { requireUser } from '@mymeet/server';
import type { Meeting } from './meeting.type.js';
import { toReport } from './report.mapper.js';
import type { Report } from './report.type.js';
import type { ReportsContext } from './reports-context.js';

/** Federation entry points: batched, visibility enforced (an invisible report resolves to null). */
export const reportReferenceResolvers = {
  Report: {
    async __resolveReference(reference: { id: string }, ctx: ReportsContext): Promise<Report | null> {
      requireUser(ctx);
      const report = await ctx.reportLoader.load(reference.id);
      return report && toReport(report);
    },
  },
  Meeting: {
    // Visibility is checked where the reports are loaded: an invisible meeting has none.
    __resolveReference: (reference: { id: string }): Meeting => ({ id: reference.id }),
  },
};
