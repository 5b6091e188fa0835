import type { AuthenticatedUser } from '@mymeet/auth';
import type { MeetingEntity } from '../entities/meeting.entity.js';
import type { Meeting } from './meeting.type.js';

export function toMeeting(entity: MeetingEntity, viewer: AuthenticatedUser): Meeting {
  return {
    id: entity.id,
    title: entity.title,
    status: entity.status,
    language: entity.language,
    scheduledAt: entity.scheduledAt,
    joinUrl: entity.joinUrl,
    platform: entity.platform,
    participants: entity.participants.getItems().map((p) => ({ email: p.email, name: p.name })),
    viewerIsOwner: entity.ownerId === viewer.sub,
    createdAt: entity.createdAt,
    updatedAt: entity.updatedAt,
    failureReason: entity.failureReason,
    vocabulary: entity.vocabulary,
  };
}
