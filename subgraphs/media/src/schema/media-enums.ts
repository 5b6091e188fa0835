import { registerEnumType } from 'type-graphql';
import { MediaSource, MediaStatus, UploadMode } from '../domain/media-status.js';

registerEnumType(MediaStatus, {
  name: 'MediaStatus',
  description: 'Where a recording is in upload and validation',
});
registerEnumType(MediaSource, { name: 'MediaSource', description: 'How the recording reached storage' });
registerEnumType(UploadMode, {
  name: 'MediaUploadMode',
  description: 'SINGLE: one PUT to `uploadUrl`. MULTIPART: one PUT per entry of `parts`.',
});

export { MediaSource, MediaStatus, UploadMode };
