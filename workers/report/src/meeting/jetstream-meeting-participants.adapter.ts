import { NatsError, type JetStreamManager } from 'nats';
import { STREAMS, meetingStateSubject, parseEvent } from '@mymeet/contracts';
import type { Logger } from '@mymeet/core';
import type { Participant } from '../domain/report-request.js';
import type { MeetingParticipantsPort } from './meeting-participants.port.js';

/**
 * Reads the meeting's newest lifecycle event from the compacted STATE stream (one message per
 * meeting, kept for good): one direct read per report run, no copy of the meetings to keep in
 * step. The events carry participants' e-mail addresses only, so names come from their local parts.
 * Participants only sharpen owners: when NATS cannot answer the report is made without them.
 */
export class JetStreamMeetingParticipants implements MeetingParticipantsPort {
  constructor(
    private readonly jsm: JetStreamManager,
    private readonly logger: Logger,
  ) {}

  async participantsOf(meetingId: string): Promise<Participant[]> {
    let raw: unknown;
    try {
      const message = await this.jsm.streams.getMessage(STREAMS.state.name, {
        last_by_subj: meetingStateSubject(meetingId),
      });
      raw = message.json();
    } catch (error) {
      if (!isNotFound(error))
        this.logger.warn(
          { meetingId, err: error },
          'meeting participants unreadable; report made without them',
        );
      return [];
    }
    try {
      const event = parseEvent(raw);
      if (event.kind !== 'meeting.created' && event.kind !== 'meeting.updated') return [];
      const { participantEmails } = event.payload as { participantEmails: string[] };
      return participantEmails.map((email) => ({ email, name: null }));
    } catch (error) {
      this.logger.warn(
        { meetingId, err: error },
        'meeting state unreadable; report made without participants',
      );
      return [];
    }
  }
}

function isNotFound(error: unknown): boolean {
  return error instanceof NatsError && (error.code === '404' || error.api_error?.err_code === 10037);
}
