import type { EntityManager } from '@mikro-orm/postgresql';
import { LEGACY_MEETING_VERSION, type EventEnvelope } from '@mymeet/contracts';
import { consumeOnce } from '@mymeet/database';
import { MeetingAccessRepository } from './meeting-access.repository.js';

/** What a service does in the same transaction when a meeting is deleted (e.g. delete its rows). */
export type OnMeetingDeleted = (tx: EntityManager, meetingId: string) => Promise<void>;

/**
 * An event is stale when the copy holds a newer version. Unversioned (legacy) events, all version 0,
 * apply in arrival order over each other, as they did before versions existed, but never over a
 * versioned state.
 */
export function isStaleMeetingVersion(eventVersion: number, appliedVersion: number): boolean {
  if (eventVersion === LEGACY_MEETING_VERSION) return appliedVersion > LEGACY_MEETING_VERSION;
  return eventVersion <= appliedVersion;
}

const LIFECYCLE_KINDS: readonly string[] = ['meeting.created', 'meeting.updated', 'meeting.deleted'];

/**
 * Applies `meeting.*` events to the access copy when, and only when, they carry a newer version
 * than the one applied. Redeliveries, reordering, two consumers at once and a new deployment
 * replaying the STATE stream all converge on the meetings service's own state.
 * @returns true when the event changed the copy.
 */
export async function applyMeetingState(
  em: EntityManager,
  event: EventEnvelope,
  onDeleted?: OnMeetingDeleted,
): Promise<boolean> {
  if (!LIFECYCLE_KINDS.includes(event.kind)) return false;
  let changed = false;
  await consumeOnce(em, event, async (tx) => {
    const access = await new MeetingAccessRepository(tx).findForUpdate(event.meetingId);
    if (!access) return;
    const payload = event.payload as EventEnvelope<'meeting.created'>['payload'] & { version: number };
    if (isStaleMeetingVersion(payload.version, access.version)) return;
    access.version = payload.version;
    access.ownerId = payload.ownerId;
    if (event.kind === 'meeting.deleted') {
      access.deleted = true;
      access.participantEmails = [];
      await onDeleted?.(tx, event.meetingId);
    } else {
      access.deleted = false;
      access.participantEmails = payload.participantEmails;
      access.language = payload.language ?? null;
      access.vocabulary = payload.vocabulary ?? [];
    }
    changed = true;
  });
  return changed;
}
