import type { JetStreamClient, JsMsg } from 'nats';
import { STREAMS, parseEvent } from '@mymeet/contracts';
import type { Logger } from '@mymeet/core';
import type { StreamEvent } from './feeds/progress-feed.js';

/** Every event subject of one meeting (`events.meeting.<id>.<kind>`). */
export function meetingEventFilter(meetingId: string): string {
  return `events.meeting.${meetingId}.>`;
}

export interface MeetingEventHandlers {
  onEvent(event: StreamEvent): void;
  /** Everything the stream held for the meeting when following began has been handed over. */
  onCaughtUp(): void;
}

export interface FollowedMeeting {
  stop(): Promise<void>;
}

// Pull expiry, and with it the idle heartbeat (half of it): how soon a lost consumer (a NATS restart)
// is noticed and recreated from the last sequence seen.
const PULL_EXPIRES_MS = 5_000;

/**
 * Reads a meeting's events from the start of what EVENTS retains and keeps following it live, with
 * one JetStream ordered consumer: in stream order, no gaps (a gap, a missed heartbeat or a reconnect
 * recreates the consumer from the last sequence seen), no acks, removed by the server once idle.
 */
export async function followMeetingEvents(
  js: JetStreamClient,
  meetingId: string,
  handlers: MeetingEventHandlers,
  logger: Logger,
): Promise<FollowedMeeting> {
  const consumer = await js.consumers.get(STREAMS.events.name, {
    filterSubjects: meetingEventFilter(meetingId),
  });
  let caughtUp = false;
  const markCaughtUp = () => {
    if (caughtUp) return;
    caughtUp = true;
    handlers.onCaughtUp();
  };
  const messages = await consumer.consume({
    max_messages: 256,
    expires: PULL_EXPIRES_MS,
    callback: (msg) => {
      const event = decodeEvent(msg, meetingId, logger);
      if (event) handlers.onEvent(event);
      if (msg.info.pending === 0) markCaughtUp();
    },
  });
  if ((await consumer.info(true)).num_pending === 0) markCaughtUp();
  return {
    stop: async () => {
      messages.stop();
      await consumer.delete().catch(() => false);
    },
  };
}

/**
 * A meeting's retained events from the start, read once and lazily (for a subscriber whose cursor
 * is older than what the gateway keeps in memory); ends at the last event stored when it began.
 */
export async function* readMeetingHistory(
  js: JetStreamClient,
  meetingId: string,
  logger: Logger,
): AsyncGenerator<StreamEvent> {
  const consumer = await js.consumers.get(STREAMS.events.name, {
    filterSubjects: meetingEventFilter(meetingId),
  });
  try {
    if ((await consumer.info(true)).num_pending === 0) return;
    const messages = await consumer.consume({ max_messages: 256, expires: PULL_EXPIRES_MS });
    try {
      for await (const msg of messages) {
        const event = decodeEvent(msg, meetingId, logger);
        if (event) yield event;
        if (msg.info.pending === 0) return;
      }
    } finally {
      messages.stop();
    }
  } finally {
    await consumer.delete().catch(() => false);
  }
}

/** The event as the catalogue defines it; a kind this gateway does not know yet, or a bad payload, is skipped. */
function decodeEvent(msg: JsMsg, meetingId: string, logger: Logger): StreamEvent | undefined {
  try {
    const event = parseEvent(msg.json());
    if (event.meetingId !== meetingId) return undefined;
    return {
      seq: msg.seq,
      kind: event.kind,
      meetingId: event.meetingId,
      occurredAt: event.occurredAt,
      payload: event.payload as Record<string, unknown>,
    };
  } catch (error) {
    logger.debug({ err: error, subject: msg.subject, seq: msg.seq }, 'event skipped by subscriptions');
    return undefined;
  }
}
