import { MeetingAccessEntity } from '@mymeet/meeting-access';
import { TranscriptSegmentEntity } from './transcript-segment.entity.js';
import { TranscriptEntity } from './transcript.entity.js';

export const transcriptsEntities = [TranscriptEntity, TranscriptSegmentEntity, MeetingAccessEntity];
