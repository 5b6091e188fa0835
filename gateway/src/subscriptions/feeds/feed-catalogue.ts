import type { ProgressFeed } from './progress-feed.js';
import { reportProgressFeed } from './report-progress.feed.js';
import { transcriptProgressFeed } from './transcript-progress.feed.js';

/** Every `Subscription` field the gateway serves, by name. */
export const FEEDS: ReadonlyMap<string, ProgressFeed> = new Map(
  [transcriptProgressFeed, reportProgressFeed].map((feed) => [feed.field, feed as ProgressFeed]),
);
