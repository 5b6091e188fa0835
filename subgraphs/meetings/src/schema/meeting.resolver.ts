import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { requireUser } from '@mymeet/server';
import { MeetingConnection } from './meeting-connection.type.js';
import { CreateMeetingInput, MeetingFilter, UpdateMeetingInput } from './meeting.input.js';
import { toMeeting } from './meeting.mapper.js';
import { Meeting } from './meeting.type.js';
import type { MeetingsContext } from './meetings-context.js';

@Resolver(() => Meeting)
export class MeetingResolver {
  @Query(() => Meeting, { nullable: true, description: 'A meeting the caller owns or takes part in' })
  async meeting(@Arg('id', () => ID) id: string, @Ctx() ctx: MeetingsContext): Promise<Meeting | null> {
    const user = requireUser(ctx);
    const meeting = await ctx.meetings.findVisible(user, id);
    return meeting && toMeeting(meeting, user);
  }

  @Query(() => MeetingConnection, { description: 'Meetings the caller owns or takes part in, newest first' })
  async meetings(
    @Ctx() ctx: MeetingsContext,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
    @Arg('filter', () => MeetingFilter, { nullable: true }) filter?: MeetingFilter | null,
  ): Promise<MeetingConnection> {
    const user = requireUser(ctx);
    const page = await ctx.meetings.list(user, first ?? undefined, after ?? undefined, {
      statuses: filter?.status ?? undefined,
      from: filter?.from ?? undefined,
      to: filter?.to ?? undefined,
      titleContains: filter?.titleContains ?? undefined,
    });
    return {
      edges: page.meetings.map(({ meeting, cursor }) => ({ cursor, node: toMeeting(meeting, user) })),
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
    };
  }

  @Mutation(() => Meeting)
  async createMeeting(
    @Arg('input', () => CreateMeetingInput) input: CreateMeetingInput,
    @Ctx() ctx: MeetingsContext,
  ): Promise<Meeting> {
    const user = requireUser(ctx);
    return toMeeting(await ctx.meetings.create(user, input), user);
  }

  @Mutation(() => Meeting)
  async updateMeeting(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateMeetingInput) input: UpdateMeetingInput,
    @Ctx() ctx: MeetingsContext,
  ): Promise<Meeting> {
    const user = requireUser(ctx);
    return toMeeting(await ctx.meetings.update(user, id, input), user);
  }

  @Mutation(() => Boolean, { description: 'Deletes the meeting with its media, transcript and reports' })
  async deleteMeeting(@Arg('id', () => ID) id: string, @Ctx() ctx: MeetingsContext): Promise<boolean> {
    await ctx.meetings.delete(requireUser(ctx), id);
    return true;
  }
}
