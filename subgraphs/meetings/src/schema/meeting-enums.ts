import { registerEnumType } from 'type-graphql';
import { MeetingPlatform } from '../domain/meeting-platform.js';
import { MeetingStatus } from '../domain/meeting-status.js';

registerEnumType(MeetingStatus, {
  name: 'MeetingStatus',
  description: 'Where a meeting is in its lifecycle',
});
registerEnumType(MeetingPlatform, { name: 'MeetingPlatform', description: 'Derived from the join URL' });

export { MeetingPlatform, MeetingStatus };
