import { Field, Float, ObjectType, registerEnumType } from 'type-graphql';
import { PageInfo } from '@mymeet/server';
import type { SearchResults } from '../search/transcript-search.service.js';
import { Meeting } from './meeting.type.js';
import { TranscriptSegment } from './transcript-segment.type.js';

export enum TranscriptSearchMatch {
  TEXT = 'TEXT',
  TITLE = 'TITLE',
}

registerEnumType(TranscriptSearchMatch, {
  name: 'TranscriptSearchMatch',
  description: "Where the words were found: the passage's text, or the meeting's title",
});

@ObjectType({ description: 'A passage of a transcript that matches a search' })
export class TranscriptSearchHit {
  @Field(() => Meeting)
  meeting!: Meeting;

  @Field(() => TranscriptSegment, {
    description: "The passage; for a title match, the transcript's first one",
  })
  segment!: TranscriptSegment;

  @Field({ description: 'The matched text, HTML-escaped, with the matched words in <mark>…</mark>' })
  highlight!: string;

  @Field(() => Float, { description: 'Relevance; higher is better, comparable within one search' })
  score!: number;

  @Field(() => TranscriptSearchMatch)
  matchedIn!: TranscriptSearchMatch;
}

@ObjectType()
export class TranscriptSearchEdge {
  @Field()
  cursor!: string;

  @Field(() => TranscriptSearchHit)
  node!: TranscriptSearchHit;
}

@ObjectType({ description: 'Search hits, best first; a Relay connection' })
export class TranscriptSearchConnection {
  @Field(() => [TranscriptSearchEdge])
  edges!: TranscriptSearchEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  /** Not a field: counts on demand (`totalCount`). */
  results!: SearchResults;
}
