import {
  MEETING_STATE_FILTER,
  STREAMS,
  eventKindFilter,
  parseEvent,
  type EventKind,
} from '@mymeet/contracts';
import type { Logger } from '@mymeet/core';
import { runDurableConsumer, type Messaging, type RunningConsumer } from '@mymeet/messaging';
import type { SearchIndexer } from './search-indexer.service.js';

export interface SearchConsumerOptions {
  logger: Logger;
  consumerPrefix: string;
  deliverFrom: 'all' | 'new';
}

/**
 * The events the index follows, each on its own durable consumer (NATS 2.9 takes one filter per
 * consumer): meeting state (title, time, who may see it, deletion), completed runs, corrected
 * segments and named speakers. Every step re-reads the current state, so redeliveries are harmless.
 */
export async function consumeSearchEvents(
  messaging: Messaging,
  indexer: SearchIndexer,
  options: SearchConsumerOptions,
): Promise<RunningConsumer[]> {
  const consumer = (
    name: string,
    stream: string,
    filterSubject: string,
    handle: (event: ReturnType<typeof parseEvent>) => Promise<unknown>,
  ) =>
    runDurableConsumer(messaging, {
      stream,
      durable: `${options.consumerPrefix}-search-${name}`,
      filterSubject,
      deliverFrom: options.deliverFrom,
      maxDeliver: 20,
      concurrency: 4,
      ackWaitMs: 30_000,
      backoffMs: [1_000, 5_000, 30_000],
      // An Elasticsearch bulk of a 3-hour meeting's passages fits well inside.
      handlerTimeoutMs: 120_000,
      logger: options.logger,
      onDeadLetter: async (letter) =>
        options.logger.error(
          { subject: letter.subject, reason: letter.reason },
          'search indexing gave up on an event: the index may miss this change until `npm run reindex`',
        ),
      handle: async (msg) => {
        await handle(parseEvent(msg.json()));
      },
    });
  const onKind = (kind: EventKind) => eventKindFilter(kind);
  return Promise.all([
    consumer('meeting-state', STREAMS.state.name, MEETING_STATE_FILTER, (event) =>
      indexer.applyMeetingState(event),
    ),
    consumer('transcript-ready', STREAMS.events.name, onKind('transcript.ready'), (event) =>
      indexer.syncMeeting(event.meetingId),
    ),
    consumer('segment-edited', STREAMS.events.name, onKind('transcript.segment_edited'), (event) => {
      const { transcriptId, index } = event.payload as { transcriptId: string; index: number };
      return indexer.syncSegment(event.meetingId, transcriptId, index);
    }),
    consumer('speaker-named', STREAMS.events.name, onKind('transcript.speaker_named'), (event) =>
      indexer.syncMeeting(event.meetingId),
    ),
  ]);
}
