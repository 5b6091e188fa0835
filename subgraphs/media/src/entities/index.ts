import { MediaAssetEntity } from './media-asset.entity.js';
import { MeetingAccessEntity } from './meeting-access.entity.js';

export const mediaEntities = [MediaAssetEntity, MeetingAccessEntity];
