import DataLoader from 'dataloader';
import type { MikroORM } from '@mikro-orm/postgresql';
import { requireUser, type SubgraphContext } from '@mymeet/server';
import type { MediaAssetEntity } from '../entities/media-asset.entity.js';
import { MediaAssetRepository } from '../repositories/media-asset.repository.js';
import { MediaAssetService } from '../services/assets/media-asset.service.js';
import type { MediaDependencies } from '../services/media-dependencies.js';
import { MediaImportService } from '../services/imports/media-import.service.js';
import { MediaUploadService } from '../services/uploads/media-upload.service.js';
import {
  DEFAULT_ACCESS_WAIT,
  MeetingAccessRepository,
  MeetingAccessService,
  type AccessWait,
} from '@mymeet/meeting-access';

export interface MediaContext extends SubgraphContext {
  assets: MediaAssetService;
  uploads: MediaUploadService;
  imports: MediaImportService;
  /** Batches federation lookups of many assets into one query per request. */
  assetLoader: DataLoader<string, MediaAssetEntity | null>;
  /** Batches `Meeting.media` for many meetings into one query per request. */
  mediaByMeetingLoader: DataLoader<string, MediaAssetEntity[]>;
}

/** One EntityManager fork per request, shared by that request's services. */
export function mediaContextFactory(
  orm: MikroORM,
  deps: MediaDependencies,
  afterCommit: () => void,
  accessWait: AccessWait = DEFAULT_ACCESS_WAIT,
) {
  return (base: SubgraphContext): MediaContext => {
    const em = orm.em.fork();
    const assetRepository = new MediaAssetRepository(em, afterCommit);
    const access = new MeetingAccessService(new MeetingAccessRepository(em), accessWait);
    const assets = new MediaAssetService(assetRepository, access, deps);
    return {
      ...base,
      assets,
      uploads: new MediaUploadService(assetRepository, access, assets, deps),
      imports: new MediaImportService(assetRepository, access, deps),
      assetLoader: new DataLoader((ids) => assets.findVisibleByIds(requireUser(base), ids)),
      mediaByMeetingLoader: new DataLoader((ids) => assets.listForMeetings(requireUser(base), ids)),
    };
  };
}
