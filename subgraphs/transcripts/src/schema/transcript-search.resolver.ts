import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { requireUser } from '@mymeet/server';
import { SEARCH_PAGE } from '../search/transcript-search.service.js';
import { toSegment } from './transcript.mapper.js';
import { TranscriptSearchConnection, TranscriptSearchMatch } from './transcript-search.type.js';
import type { TranscriptsContext } from './transcripts-context.js';

// Arguments are declared last-first: type-graphql prints them in reverse.
@Resolver(() => TranscriptSearchConnection)
export class TranscriptSearchResolver {
  @Query(() => TranscriptSearchConnection, {
    description:
      'Passages of the transcripts the caller may see that match the words (English and Russian are stemmed; ' +
      'the last word matches as a prefix while typed; "quoted words" match as a phrase), best first',
  })
  async searchTranscripts(
    @Ctx() ctx: TranscriptsContext,
    @Arg('speaker', () => String, {
      nullable: true,
      description: "Only this speaker's passages (name or label)",
    })
    speaker: string | null,
    @Arg('language', () => String, {
      nullable: true,
      description: 'Only transcripts in this language, e.g. "ru"',
    })
    language: string | null,
    @Arg('to', () => Date, { nullable: true, description: 'Meetings before this time' }) to: Date | null,
    @Arg('from', () => Date, { nullable: true, description: 'Meetings at or after this time' })
    from: Date | null,
    @Arg('meetingId', () => ID, { nullable: true, description: 'Only this meeting' })
    meetingId: string | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('first', () => Int, {
      nullable: true,
      defaultValue: SEARCH_PAGE.default,
      description: `At most ${SEARCH_PAGE.max}`,
    })
    first: number | null,
    @Arg('query', () => String) query: string,
  ): Promise<TranscriptSearchConnection> {
    const results = await ctx.search.search(requireUser(ctx), {
      query,
      first,
      after,
      meetingId,
      from,
      to,
      language,
      speaker,
    });
    return {
      edges: results.hits.map((hit) => ({
        cursor: hit.cursor,
        node: {
          meeting: { id: hit.meetingId },
          segment: toSegment(hit.segment),
          highlight: hit.highlight,
          score: hit.score,
          matchedIn: TranscriptSearchMatch[hit.matchedIn],
        },
      })),
      pageInfo: { hasNextPage: results.hasNextPage, endCursor: results.endCursor },
      results,
    };
  }

  @FieldResolver(() => Int, { description: 'Matching passages over all pages (visible ones only)' })
  totalCount(@Root() connection: TranscriptSearchConnection): Promise<number> {
    return connection.results.count();
  }
}
