import { buildFederatedSubgraph, type SubgraphSchema } from '@mymeet/server';
import { meetingReferenceResolvers } from './meeting.reference.js';
import { MeetingResolver } from './meeting.resolver.js';

export function buildMeetingsSchema(): Promise<SubgraphSchema> {
  return buildFederatedSubgraph({ resolvers: [MeetingResolver] }, meetingReferenceResolvers as never);
}
