import type { MikroORM } from '@mikro-orm/postgresql';
import { MEETING_STATE_FILTER, STREAMS, parseEvent } from '@mymeet/contracts';
import type { Logger } from '@mymeet/core';
import { runDurableConsumer, type Messaging, type RunningConsumer } from '@mymeet/messaging';
import { applyMeetingState, type OnMeetingDeleted } from './meeting-state.service.js';

export interface MeetingStateConsumerOptions {
  /** Durable names start with it: one durable per service (`media`, `transcripts`, …). */
  consumerPrefix: string;
  deliverFrom?: 'all' | 'new';
  /** Runs before the copy is marked deleted, outside the transaction (e.g. delete stored objects); a failure retries. */
  beforeDelete?: (meetingId: string) => Promise<void>;
  /** Runs in the transaction that marks the copy deleted (e.g. delete the service's rows). */
  onDeleted?: OnMeetingDeleted;
}

/**
 * Keeps a service's meeting-access copy from the compacted STATE stream, which holds each meeting's
 * newest lifecycle event with no age limit: a service deployed at any time learns every meeting.
 */
export function consumeMeetingState(
  orm: MikroORM,
  messaging: Messaging,
  logger: Logger,
  options: MeetingStateConsumerOptions,
): Promise<RunningConsumer> {
  return runDurableConsumer(messaging, {
    stream: STREAMS.state.name,
    durable: `${options.consumerPrefix}-meeting-state`,
    filterSubject: MEETING_STATE_FILTER,
    deliverFrom: options.deliverFrom ?? 'all',
    maxDeliver: 20,
    ackWaitMs: 30_000,
    backoffMs: [1_000, 5_000, 30_000],
    handlerTimeoutMs: 60_000,
    concurrency: 4,
    logger,
    handle: async (msg) => {
      const event = parseEvent(msg.json());
      if (event.kind === 'meeting.deleted') await options.beforeDelete?.(event.meetingId);
      await applyMeetingState(orm.em.fork(), event, options.onDeleted);
    },
    onDeadLetter: async (letter) =>
      logger.error({ subject: letter.subject, reason: letter.reason }, 'meeting state event dead-lettered'),
  });
}
