import { buildFederatedSubgraph, gatewayServedPubSub, type SubgraphSchema } from '@mymeet/server';
import { MeetingReportsResolver } from './meeting-reports.resolver.js';
import { Meeting } from './meeting.type.js';
import { ReportMutationResolver } from './report-mutation.resolver.js';
import { ReportProgressSubscription } from './report-progress.subscription.js';
import { reportReferenceResolvers } from './report.reference.js';
import { ReportResolver } from './report.resolver.js';

export function buildReportsSchema(): Promise<SubgraphSchema> {
  return buildFederatedSubgraph(
    {
      resolvers: [ReportResolver, ReportMutationResolver, MeetingReportsResolver, ReportProgressSubscription],
      // Reached only through federation (`_entities`), so not from a root field.
      orphanedTypes: [Meeting],
      pubSub: gatewayServedPubSub,
    },
    reportReferenceResolvers as never,
  );
}
