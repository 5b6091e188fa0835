import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { MediaAsset } from './media-asset.type.js';
import { toMediaAsset } from './media-asset.mapper.js';
import type { MediaContext } from './media-context.js';
import { Meeting } from './meeting.type.js';

@Resolver(() => Meeting)
export class MeetingMediaResolver {
  @FieldResolver(() => [MediaAsset], { description: 'Recordings of the meeting, oldest first' })
  async media(@Root() meeting: Meeting, @Ctx() ctx: MediaContext): Promise<MediaAsset[]> {
    return (await ctx.mediaByMeetingLoader.load(meeting.id)).map(toMediaAsset);
  }
}
