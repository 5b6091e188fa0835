import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { requireUser } from '@mymeet/server';
import { ReportItemKind } from '../domain/report-vocabulary.js';
import { ReportDelivery } from './report-delivery.type.js';
import { toActionItem, toDecision, toDelivery, toReport } from './report.mapper.js';
import { ActionItem, Decision, Report } from './report.type.js';
import type { ReportsContext } from './reports-context.js';

@Resolver(() => Report)
export class ReportResolver {
  @Query(() => Report, { nullable: true, description: 'A report of a meeting the caller may see' })
  async report(@Arg('id', () => ID) id: string, @Ctx() ctx: ReportsContext): Promise<Report | null> {
    requireUser(ctx);
    const report = await ctx.reportLoader.load(id);
    return report && toReport(report);
  }

  @FieldResolver(() => [ActionItem])
  async actionItems(@Root() report: Report, @Ctx() ctx: ReportsContext): Promise<ActionItem[]> {
    return (await ctx.itemsLoader.load(report.id))[ReportItemKind.ACTION_ITEM].map(toActionItem);
  }

  @FieldResolver(() => [String])
  async decisions(@Root() report: Report, @Ctx() ctx: ReportsContext): Promise<string[]> {
    return (await ctx.itemsLoader.load(report.id))[ReportItemKind.DECISION].map((view) => view.row.text);
  }

  @FieldResolver(() => [Decision], { description: 'The decisions with their ids, citations and status' })
  async decisionItems(@Root() report: Report, @Ctx() ctx: ReportsContext): Promise<Decision[]> {
    return (await ctx.itemsLoader.load(report.id))[ReportItemKind.DECISION].map(toDecision);
  }

  @FieldResolver(() => [ReportDelivery], {
    description: 'E-mailings of this report: all of them for the meeting owner, one’s own for others',
  })
  async deliveries(@Root() report: Report, @Ctx() ctx: ReportsContext): Promise<ReportDelivery[]> {
    return (await ctx.deliveriesLoader.load(report)).map(toDelivery);
  }
}
