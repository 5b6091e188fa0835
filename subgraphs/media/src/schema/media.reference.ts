import { requireUser } from '@mymeet/server';
import { toMediaAsset } from './media-asset.mapper.js';
import type { MediaAsset } from './media-asset.type.js';
import type { MediaContext } from './media-context.js';
import type { Meeting } from './meeting.type.js';

/** Federation entry points: batched, visibility enforced (an invisible asset resolves to null). */
export const mediaReferenceResolvers = {
  MediaAsset: {
    async __resolveReference(reference: { id: string }, ctx: MediaContext): Promise<MediaAsset | null> {
      requireUser(ctx);
      const asset = await ctx.assetLoader.load(reference.id);
      return asset && toMediaAsset(asset);
    },
  },
  Meeting: {
    // Visibility is checked where the media list is loaded: an invisible meeting has none.
    __resolveReference: (reference: { id: string }): Meeting => ({ id: reference.id }),
  },
};
