import { canModify, type AuthenticatedUser } from '@mymeet/auth';
import { MediaStatus } from '../../domain/media-status.js';
import type { MediaAssetEntity } from '../../entities/media-asset.entity.js';
import type { MediaAssetRepository } from '../../repositories/media-asset.repository.js';
import type { MediaDependencies } from '../media-dependencies.js';
import { forbidden, notFound } from '../../domain/media-error.js';
import { isUuid, type MeetingAccessEntity, type MeetingAccessService } from '@mymeet/meeting-access';

/** Reading media the caller may see: one asset, many assets, a meeting's list, a download link. */
export class MediaAssetService {
  constructor(
    private readonly assets: MediaAssetRepository,
    private readonly access: MeetingAccessService,
    private readonly deps: Pick<MediaDependencies, 'storage' | 'downloadUrlTtlSeconds'>,
  ) {}

  async findVisible(user: AuthenticatedUser, id: string): Promise<MediaAssetEntity | null> {
    return (await this.findVisibleByIds(user, [id]))[0] ?? null;
  }

  /** In the order of `ids`, null where missing or not visible. */
  async findVisibleByIds(
    user: AuthenticatedUser,
    ids: readonly string[],
  ): Promise<Array<MediaAssetEntity | null>> {
    const found = await this.assets.findByIds(ids.filter(isUuid));
    const meetings = await this.access.visibleMeetings(user, [...new Set(found.map((a) => a.meetingId))]);
    const byId = new Map(found.filter((a) => meetings.has(a.meetingId)).map((a) => [a.id, a]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  /** Each meeting's media, oldest first; an empty list for a meeting the user may not see. */
  async listForMeetings(
    user: AuthenticatedUser,
    meetingIds: readonly string[],
  ): Promise<MediaAssetEntity[][]> {
    const meetings = await this.access.visibleMeetings(user, meetingIds);
    const assets = meetings.size ? await this.assets.findByMeetingIds([...meetings.keys()]) : [];
    return meetingIds.map((id) => assets.filter((a) => a.meetingId === id));
  }

  /** The asset for a change (complete, abort): its uploader or the meeting owner only. */
  async requireChangeable(
    user: AuthenticatedUser,
    id: string,
  ): Promise<{ asset: MediaAssetEntity; meeting: MeetingAccessEntity }> {
    const asset = await this.findVisible(user, id);
    if (!asset) throw notFound('Media asset');
    const meeting = (await this.access.visibleMeetings(user, [asset.meetingId])).get(asset.meetingId)!;
    if (asset.ownerId !== user.sub && !canModify(user, meeting)) {
      throw forbidden('Only the uploader or the meeting owner can change this recording');
    }
    return { asset, meeting };
  }

  /** A short-lived link to the file, for READY media only. */
  async downloadUrl(
    asset: Pick<MediaAssetEntity, 'status' | 'objectKey' | 'fileName'>,
  ): Promise<string | null> {
    if (asset.status !== MediaStatus.READY) return null;
    const { url } = await this.deps.storage.presignGet({
      key: asset.objectKey,
      expiresInSeconds: this.deps.downloadUrlTtlSeconds,
      audience: 'public',
      downloadFileName: asset.fileName,
    });
    return url;
  }
}
