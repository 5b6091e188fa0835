import { MediaAssetEntity } from './media-asset.entity.js';
import { MeetingAccessEntity } from '@mymeet/meeting-access';

export const mediaEntities = [MediaAssetEntity, MeetingAccessEntity];
