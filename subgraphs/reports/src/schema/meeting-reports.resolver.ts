import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { toReport } from './report.mapper.js';
import { Report } from './report.type.js';
import { Meeting } from './meeting.type.js';
import type { ReportsContext } from './reports-context.js';

@Resolver(() => Meeting)
export class MeetingReportsResolver {
  @FieldResolver(() => [Report], { description: 'Every version of the meeting’s report, newest first' })
  async reports(@Root() meeting: Meeting, @Ctx() ctx: ReportsContext): Promise<Report[]> {
    return (await ctx.reportsByMeetingLoader.load(meeting.id)).map(toReport);
  }
}
