import { canModify, canView, type AuthenticatedUser } from '@mymeet/auth';
import { decodeCursor, encodeCursor } from '../domain/meeting-cursor.js';
import { MeetingError, MeetingErrorCode } from '../domain/meeting-error.js';
import {
  normalizeJoinUrl,
  normalizeLanguage,
  normalizeParticipants,
  normalizeScheduledAt,
  normalizeTitle,
  normalizeVocabulary,
  type MeetingDraft,
  type NormalizedParticipant,
} from '../domain/meeting-input.js';
import { platformOf } from '../domain/meeting-platform.js';
import { initialStatus } from '../domain/meeting-status.js';
import { MeetingEntity } from '../entities/meeting.entity.js';
import { ParticipantEntity } from '../entities/participant.entity.js';
import type { MeetingListFilter, MeetingRepository } from '../repositories/meeting.repository.js';

export const PAGE_SIZE = { default: 20, max: 100 } as const;

export interface MeetingPage {
  meetings: Array<{ meeting: MeetingEntity; cursor: string }>;
  hasNextPage: boolean;
  endCursor: string | null;
}

/** Meeting use cases: create, change, delete, read and list what a user may see. */
export class MeetingService {
  constructor(private readonly meetings: MeetingRepository) {}

  async create(user: AuthenticatedUser, draft: MeetingDraft): Promise<MeetingEntity> {
    const meeting = new MeetingEntity();
    meeting.ownerId = user.sub;
    meeting.title = normalizeTitle(draft.title);
    meeting.scheduledAt = normalizeScheduledAt(draft.scheduledAt);
    meeting.joinUrl = normalizeJoinUrl(draft.joinUrl);
    meeting.platform = platformOf(meeting.joinUrl);
    meeting.language = normalizeLanguage(draft.language);
    meeting.status = initialStatus(meeting.scheduledAt ?? undefined);
    meeting.vocabulary = normalizeVocabulary(draft.vocabulary);
    meeting.occursAt = meeting.scheduledAt ?? meeting.createdAt;
    this.replaceParticipants(meeting, normalizeParticipants(draft.participants));
    this.meetings.add(meeting);
    this.announce('meeting.created', meeting, meeting.version);
    await this.meetings.commit();
    return meeting;
  }

  async update(user: AuthenticatedUser, id: string, draft: MeetingDraft): Promise<MeetingEntity> {
    return this.meetings.inTransaction((meetings) =>
      new MeetingService(meetings).applyUpdate(user, id, draft),
    );
  }

  /** Deletes the meeting; media, transcript and reports follow through the `meeting.deleted` event. */
  async delete(user: AuthenticatedUser, id: string): Promise<void> {
    await this.meetings.inTransaction(async (meetings) => {
      const meeting = await new MeetingService(meetings).findModifiable(user, id, true);
      meetings.remove(meeting);
      meetings.stageMeetingEvent('meeting.deleted', meeting.id, {
        ownerId: meeting.ownerId,
        version: meeting.version + 1,
      });
      await meetings.commit();
    });
  }

  /** Runs inside the transaction holding the meeting's row lock, so concurrent changes apply one by one. */
  private async applyUpdate(
    user: AuthenticatedUser,
    id: string,
    draft: MeetingDraft,
  ): Promise<MeetingEntity> {
    const meeting = await this.findModifiable(user, id, true);
    if (draft.title !== undefined) meeting.title = normalizeTitle(draft.title);
    if (draft.scheduledAt !== undefined) {
      meeting.scheduledAt = normalizeScheduledAt(draft.scheduledAt);
      meeting.occursAt = meeting.scheduledAt ?? meeting.createdAt;
    }
    if (draft.joinUrl !== undefined) {
      meeting.joinUrl = normalizeJoinUrl(draft.joinUrl);
      meeting.platform = platformOf(meeting.joinUrl);
    }
    if (draft.language !== undefined) meeting.language = normalizeLanguage(draft.language);
    if (draft.vocabulary !== undefined) meeting.vocabulary = normalizeVocabulary(draft.vocabulary);
    if (draft.participants !== undefined) {
      this.replaceParticipants(meeting, normalizeParticipants(draft.participants));
    }
    meeting.updatedAt = new Date();
    this.announce('meeting.updated', meeting, meeting.version + 1);
    await this.meetings.commit();
    return meeting;
  }

  /** The meeting if the user may see it; null otherwise (never reveals that it exists). */
  async findVisible(user: AuthenticatedUser, id: string): Promise<MeetingEntity | null> {
    if (!isUuid(id)) return null;
    const meeting = await this.meetings.findById(id);
    return meeting && canView(user, accessOf(meeting)) ? meeting : null;
  }

  /** For federation: the visible meetings among these ids, in the same order, null where not visible. */
  async findVisibleByIds(
    user: AuthenticatedUser,
    ids: readonly string[],
  ): Promise<Array<MeetingEntity | null>> {
    const found = await this.meetings.findByIds(ids.filter(isUuid));
    const byId = new Map(found.filter((meeting) => canView(user, accessOf(meeting))).map((m) => [m.id, m]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  async list(
    user: AuthenticatedUser,
    first: number | undefined,
    after: string | undefined,
    filter: MeetingListFilter,
  ): Promise<MeetingPage> {
    const size = first ?? PAGE_SIZE.default;
    if (!Number.isInteger(size) || size < 0 || size > PAGE_SIZE.max) {
      throw MeetingError.invalidInput('first', `first must be between 0 and ${PAGE_SIZE.max}`);
    }
    if (filter.from && filter.to && filter.from >= filter.to) {
      throw MeetingError.invalidInput('filter.to', 'filter.to must be later than filter.from');
    }
    const rows = await this.meetings.listVisibleTo(
      user,
      filter,
      after ? decodeCursor(after) : undefined,
      size + 1,
    );
    const page = rows.slice(0, size).map((meeting) => ({ meeting, cursor: encodeCursor(meeting) }));
    return { meetings: page, hasNextPage: rows.length > size, endCursor: page.at(-1)?.cursor ?? null };
  }

  private async findModifiable(user: AuthenticatedUser, id: string, lock: boolean): Promise<MeetingEntity> {
    const meeting = isUuid(id) ? await this.meetings.findById(id, lock) : null;
    if (meeting && !canView(user, accessOf(meeting))) throw notFound();
    if (!meeting) throw notFound();
    if (!canModify(user, accessOf(meeting)))
      throw new MeetingError(MeetingErrorCode.NOT_MEETING_OWNER, 'Only the owner can change this meeting');
    return meeting;
  }

  private replaceParticipants(meeting: MeetingEntity, participants: NormalizedParticipant[]): void {
    const existing = new Map(meeting.participants.getItems().map((p) => [p.email, p]));
    const next = participants.map((input) => {
      const participant =
        existing.get(input.email) ?? Object.assign(new ParticipantEntity(), { email: input.email });
      participant.name = input.name;
      return participant;
    });
    meeting.participants.set(next);
  }

  /** `version` is the meeting's version once this change commits (the flush increments it). */
  private announce(
    kind: 'meeting.created' | 'meeting.updated',
    meeting: MeetingEntity,
    version: number,
  ): void {
    this.meetings.stageMeetingEvent(kind, meeting.id, {
      ...accessOf(meeting),
      version,
      title: meeting.title,
      language: meeting.language,
      vocabulary: meeting.vocabulary,
      occursAt: meeting.occursAt.toISOString(),
    });
  }
}

function notFound(): MeetingError {
  return new MeetingError(MeetingErrorCode.MEETING_NOT_FOUND, 'Meeting not found');
}

export function accessOf(meeting: MeetingEntity) {
  return { ownerId: meeting.ownerId, participantEmails: meeting.participants.getItems().map((p) => p.email) };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function isUuid(value: string): boolean {
  return UUID.test(value);
}
