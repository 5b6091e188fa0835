import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { requireUser } from '@mymeet/server';
import { ReportItemKind } from '../domain/report-vocabulary.js';
import { ReportItemStatus, ReportTemplate } from './report-enums.js';
import { ReportDelivery } from './report-delivery.type.js';
import { toActionItem, toDecision, toDelivery, toReport } from './report.mapper.js';
import { ActionItem, Decision, Report } from './report.type.js';
import type { ReportsContext } from './reports-context.js';

// Arguments are declared in reverse: type-graphql prints them last-first, and the SDL should read as API.md.
@Resolver()
export class ReportMutationResolver {
  @Mutation(() => Report, {
    description:
      'Makes a new version of the meeting’s report from its newest transcript (owner only); older ones stay',
  })
  async generateReport(
    @Ctx() ctx: ReportsContext,
    @Arg('instructions', () => String, { nullable: true }) instructions: string | null,
    @Arg('template', () => ReportTemplate, { nullable: true, defaultValue: ReportTemplate.SUMMARY })
    template: ReportTemplate | null,
    @Arg('meetingId', () => ID) meetingId: string,
  ): Promise<Report> {
    return toReport(
      await ctx.runs.generate(requireUser(ctx), meetingId, template ?? ReportTemplate.SUMMARY, instructions),
    );
  }

  @Mutation(() => ReportDelivery, {
    description: 'E-mails a READY report; participants may send it to participants, the owner to anyone',
  })
  async sendReport(
    @Ctx() ctx: ReportsContext,
    @Arg('to', () => [String]) to: string[],
    @Arg('reportId', () => ID) reportId: string,
  ): Promise<ReportDelivery> {
    return toDelivery(await ctx.deliveries.send(requireUser(ctx), reportId, to));
  }

  @Mutation(() => ActionItem, {
    description: 'Ticks an action item off or reopens it (owner only), in every version',
  })
  async setActionItemStatus(
    @Ctx() ctx: ReportsContext,
    @Arg('status', () => ReportItemStatus) status: ReportItemStatus,
    @Arg('id', () => ID) id: string,
  ): Promise<ActionItem> {
    return toActionItem(
      await ctx.itemStatus.setStatus(requireUser(ctx), ReportItemKind.ACTION_ITEM, id, status),
    );
  }

  @Mutation(() => Decision, { description: 'Marks a decision done (carried out) or open again (owner only)' })
  async setDecisionStatus(
    @Ctx() ctx: ReportsContext,
    @Arg('status', () => ReportItemStatus) status: ReportItemStatus,
    @Arg('id', () => ID) id: string,
  ): Promise<Decision> {
    return toDecision(await ctx.itemStatus.setStatus(requireUser(ctx), ReportItemKind.DECISION, id, status));
  }
}
