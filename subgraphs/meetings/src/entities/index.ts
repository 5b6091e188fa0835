import { MeetingEntity } from './meeting.entity.js';
import { ParticipantEntity } from './participant.entity.js';

export const meetingsEntities = [MeetingEntity, ParticipantEntity];
