import DataLoader from 'dataloader';
import type { MikroORM } from '@mikro-orm/postgresql';
import { requireUser, type SubgraphContext } from '@mymeet/server';
import type { SegmentRecord } from '../repositories/segment.repository.js';
import type { SpeakerRecord } from '../repositories/speaker.repository.js';
import type { TranscriptEntity } from '../entities/transcript.entity.js';
import { TranscriptRepository } from '../repositories/transcript.repository.js';
import { PostgresSearchAdapter } from '../search/postgres-search.adapter.js';
import { SearchSourceRepository } from '../search/search-source.repository.js';
import type { TranscriptSearchPort } from '../search/transcript-search.port.js';
import { TranscriptSearchService } from '../search/transcript-search.service.js';
import type { MeetingAccessFactory } from '../services/meeting-access.port.js';
import { RetranscribeService } from '../services/retranscribe.service.js';
import { SegmentEditService } from '../services/segment-edit.service.js';
import { SpeakerNamingService } from '../services/speaker-naming.service.js';
import { TranscriptReadService } from '../services/transcript-read.service.js';

/** A page of one run's segments: which run, after which index, how many. */
export interface SegmentPageKey {
  transcriptId: string;
  afterIndex: number;
  limit: number;
}

export interface TranscriptsContext extends SubgraphContext {
  edits: SegmentEditService;
  speakerNames: SpeakerNamingService;
  retranscriptions: RetranscribeService;
  search: TranscriptSearchService;
  /** Federation lookups and `transcript(id)`, visibility enforced, one query per request. */
  transcriptLoader: DataLoader<string, TranscriptEntity | null>;
  /** `Meeting.transcript` for many meetings at once. */
  currentTranscriptLoader: DataLoader<string, TranscriptEntity | null>;
  /** `Meeting.transcripts` for many meetings at once. */
  runsLoader: DataLoader<string, TranscriptEntity[]>;
  /** Every segment of runs already visible to the caller (text, export). */
  segmentsLoader: DataLoader<string, SegmentRecord[]>;
  /** Stored speakers (names, e-mails) of runs already visible to the caller. */
  speakersLoader: DataLoader<string, SpeakerRecord[]>;
  /** Pages of segments; keys with the same position and size share one query. */
  segmentPageLoader: DataLoader<SegmentPageKey, SegmentRecord[], string>;
}

/** One EntityManager fork per request, shared by that request's services and loaders. */
export function transcriptsContextFactory(
  orm: MikroORM,
  access: MeetingAccessFactory,
  afterCommit: () => void,
  searchEngine: TranscriptSearchPort = new PostgresSearchAdapter(orm),
) {
  return (base: SubgraphContext): TranscriptsContext => {
    const em = orm.em.fork();
    const transcripts = new TranscriptRepository(em, afterCommit);
    const meetings = access(em);
    const reads = new TranscriptReadService(transcripts, meetings);
    return {
      ...base,
      edits: new SegmentEditService(transcripts, meetings),
      speakerNames: new SpeakerNamingService(transcripts, meetings),
      retranscriptions: new RetranscribeService(transcripts, meetings),
      search: new TranscriptSearchService(searchEngine, new SearchSourceRepository(em), meetings),
      transcriptLoader: new DataLoader((ids) => reads.findVisibleByIds(requireUser(base), ids)),
      currentTranscriptLoader: new DataLoader((ids) => reads.currentForMeetings(requireUser(base), ids)),
      runsLoader: new DataLoader((ids) => reads.runsForMeetings(requireUser(base), ids)),
      segmentsLoader: new DataLoader((ids) => reads.segmentsOf(ids)),
      speakersLoader: new DataLoader((ids) => reads.speakersOf(ids)),
      segmentPageLoader: new DataLoader(
        async (keys) => {
          const results = new Map<string, SegmentRecord[]>();
          const groups = new Map<string, SegmentPageKey[]>();
          for (const key of keys) {
            const group = `${key.afterIndex}:${key.limit}`;
            groups.set(group, [...(groups.get(group) ?? []), key]);
          }
          for (const group of groups.values()) {
            const { afterIndex, limit } = group[0]!;
            const ids = group.map((key) => key.transcriptId);
            const pages = await reads.segmentPages(ids, afterIndex, limit);
            ids.forEach((id, position) =>
              results.set(pageKey({ transcriptId: id, afterIndex, limit }), pages[position]!),
            );
          }
          return keys.map((key) => results.get(pageKey(key)) ?? []);
        },
        { cacheKeyFn: pageKey },
      ),
    };
  };
}

function pageKey(key: SegmentPageKey): string {
  return `${key.transcriptId}:${key.afterIndex}:${key.limit}`;
}
