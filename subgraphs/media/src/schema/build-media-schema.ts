import { buildFederatedSubgraph, type SubgraphSchema } from '@mymeet/server';
import { MediaAssetResolver } from './media-asset.resolver.js';
import { MediaUploadResolver } from './media-upload.resolver.js';
import { mediaReferenceResolvers } from './media.reference.js';
import { MeetingMediaResolver } from './meeting-media.resolver.js';
import { Meeting } from './meeting.type.js';

export function buildMediaSchema(): Promise<SubgraphSchema> {
  return buildFederatedSubgraph(
    {
      resolvers: [MediaAssetResolver, MediaUploadResolver, MeetingMediaResolver],
      // Reached only through federation (`_entities`), so not from a root field.
      orphanedTypes: [Meeting],
    },
    mediaReferenceResolvers as never,
  );
}
