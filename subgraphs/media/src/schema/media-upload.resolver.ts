import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { requireUser } from '@mymeet/server';
import { MediaAsset } from './media-asset.type.js';
import { toMediaAsset, toMediaUpload } from './media-asset.mapper.js';
import type { MediaContext } from './media-context.js';
import { RequestMediaUploadInput } from './media.input.js';
import { MediaUpload } from './media-upload.type.js';

@Resolver()
export class MediaUploadResolver {
  @Mutation(() => MediaUpload, {
    description: 'Presigned URLs to upload a recording straight to storage (multipart for large files)',
  })
  async requestMediaUpload(
    @Arg('input', () => RequestMediaUploadInput) input: RequestMediaUploadInput,
    @Ctx() ctx: MediaContext,
  ): Promise<MediaUpload> {
    return toMediaUpload(await ctx.uploads.request(requireUser(ctx), input));
  }

  @Mutation(() => MediaAsset, {
    description:
      'Call after the upload: validates the file, then queues transcription (READY) or says why not (REJECTED)',
  })
  async completeMediaUpload(
    @Arg('mediaId', () => ID) mediaId: string,
    @Ctx() ctx: MediaContext,
  ): Promise<MediaAsset> {
    return toMediaAsset(await ctx.uploads.complete(requireUser(ctx), mediaId));
  }

  @Mutation(() => Boolean, { description: 'Cancels a pending upload and forgets it' })
  async abortMediaUpload(
    @Arg('mediaId', () => ID) mediaId: string,
    @Ctx() ctx: MediaContext,
  ): Promise<boolean> {
    await ctx.uploads.abort(requireUser(ctx), mediaId);
    return true;
  }

  @Mutation(() => MediaAsset, {
    description:
      'Fetches a recording from a public http(s) URL in the background; the asset is VALIDATING until then',
  })
  // Arguments are declared in reverse: type-graphql prints them last-first, and the SDL should read (meetingId, url).
  async importMediaFromUrl(
    @Ctx() ctx: MediaContext,
    @Arg('url', () => String) url: string,
    @Arg('meetingId', () => ID) meetingId: string,
  ): Promise<MediaAsset> {
    return toMediaAsset(await ctx.imports.start(requireUser(ctx), { meetingId, url }));
  }
}
