import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { requireUser } from '@mymeet/server';
import { MediaAsset } from './media-asset.type.js';
import { sourceUrlFor } from '../services/assets/source-url.policy.js';
import { toMediaAsset } from './media-asset.mapper.js';
import type { MediaContext } from './media-context.js';

@Resolver(() => MediaAsset)
export class MediaAssetResolver {
  @Query(() => MediaAsset, { nullable: true, description: 'A recording of a meeting the caller may see' })
  async mediaAsset(@Arg('id', () => ID) id: string, @Ctx() ctx: MediaContext): Promise<MediaAsset | null> {
    const asset = await ctx.assets.findVisible(requireUser(ctx), id);
    return asset && toMediaAsset(asset);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'A short-lived link to download the file; only for READY recordings',
  })
  downloadUrl(@Root() asset: MediaAsset, @Ctx() ctx: MediaContext): Promise<string | null> {
    return ctx.assets.downloadUrl(asset);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      'For imports: the URL the file came from; its query string (often a credential) only for the importer',
  })
  sourceUrl(@Root() asset: MediaAsset, @Ctx() ctx: MediaContext): string | null {
    return sourceUrlFor(requireUser(ctx), { ownerId: asset.ownerId, sourceUrl: asset.storedSourceUrl });
  }
}
