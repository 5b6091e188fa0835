import { buildFederatedSubgraph, gatewayServedPubSub, type SubgraphSchema } from '@mymeet/server';
import { MeetingTranscriptResolver } from './meeting-transcript.resolver.js';
import { Meeting } from './meeting.type.js';
import { TranscriptMutationResolver } from './transcript-mutation.resolver.js';
import { TranscriptProgressSubscription } from './transcript-progress.subscription.js';
import { TranscriptSearchResolver } from './transcript-search.resolver.js';
import { TranscriptSpeakersResolver } from './transcript-speakers.resolver.js';
import { transcriptReferenceResolvers } from './transcript.reference.js';
import { TranscriptResolver } from './transcript.resolver.js';

export function buildTranscriptsSchema(): Promise<SubgraphSchema> {
  return buildFederatedSubgraph(
    {
      resolvers: [
        TranscriptResolver,
        MeetingTranscriptResolver,
        TranscriptMutationResolver,
        TranscriptSearchResolver,
        TranscriptSpeakersResolver,
        TranscriptProgressSubscription,
      ],
      // Reached only through federation (`_entities`), so not from a root field.
      orphanedTypes: [Meeting],
      pubSub: gatewayServedPubSub,
    },
    transcriptReferenceResolvers as never,
  );
}
