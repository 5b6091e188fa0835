import { randomUUID } from 'node:crypto';
import { BigIntType, OptionalProps } from '@mikro-orm/core';
import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { MediaSource, MediaStatus, UploadMode } from '../domain/media-status.js';

@Entity({ tableName: 'media_asset' })
@Index({ properties: ['meetingId', 'createdAt'] })
export class MediaAssetEntity {
  [OptionalProps]?:
    | 'createdAt'
    | 'updatedAt'
    | 'rejectionReason'
    | 'rejectionCode'
    | 'durationSeconds'
    | 'container'
    | 'audioCodec'
    | 'videoCodec'
    | 'sampleRate'
    | 'channels'
    | 'bitRate'
    | 'uploadMode'
    | 'uploadId'
    | 'partSize'
    | 'uploadExpiresAt'
    | 'sourceUrl'
    | 'transcriptId'
    | 'validationStartedAt'
    | 'importLeaseToken'
    | 'importLeaseUntil';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  meetingId!: string;

  /** The uploader's `sub`. */
  @Property({ type: 'text' })
  ownerId!: string;

  @Property({ type: 'text' })
  fileName!: string;

  @Property({ type: 'text' })
  contentType!: string;

  @Property({ type: new BigIntType('number') })
  byteSize!: number;

  @Enum({ items: () => MediaStatus })
  status!: MediaStatus;

  /** Readable sentence for users. */
  @Property({ type: 'text', nullable: true })
  rejectionReason: string | null = null;

  /** Stable code (NOT_MEDIA, TRUNCATED, …) clients may branch on. */
  @Property({ type: 'text', nullable: true })
  rejectionCode: string | null = null;

  @Property({ type: 'double', nullable: true })
  durationSeconds: number | null = null;

  @Property({ type: 'text', nullable: true })
  container: string | null = null;

  @Property({ type: 'text', nullable: true })
  audioCodec: string | null = null;

  @Property({ type: 'text', nullable: true })
  videoCodec: string | null = null;

  @Property({ type: 'integer', nullable: true })
  sampleRate: number | null = null;

  @Property({ type: 'integer', nullable: true })
  channels: number | null = null;

  @Property({ type: new BigIntType('number'), nullable: true })
  bitRate: number | null = null;

  /**
   * Where the bytes are: an upload URL's target until `completeMediaUpload` accepts them, then a
   * copy no URL names; for imports, the key of the run that settled the asset.
   */
  @Property({ type: 'text' })
  objectKey!: string;

  @Enum({ items: () => UploadMode, nullable: true })
  uploadMode: UploadMode | null = null;

  /** S3 multipart upload id while a multipart upload is open. */
  @Property({ type: 'text', nullable: true })
  uploadId: string | null = null;

  @Property({ type: 'integer', nullable: true })
  partSize: number | null = null;

  /** When the presigned upload URLs stop working. */
  @Property({ type: 'timestamptz', nullable: true })
  uploadExpiresAt: Date | null = null;

  @Enum({ items: () => MediaSource })
  source!: MediaSource;

  @Property({ type: 'text', nullable: true })
  sourceUrl: string | null = null;

  /** The transcript the transcription job of this recording fills; set when it becomes READY. */
  @Property({ type: 'uuid', nullable: true })
  transcriptId: string | null = null;

  /** Lets a later completion take over a validation that a crashed instance left unfinished. */
  @Property({ type: 'timestamptz', nullable: true })
  validationStartedAt: Date | null = null;

  /** The URL-import run that holds the asset; only it may settle it. */
  @Property({ type: 'uuid', nullable: true })
  importLeaseToken: string | null = null;

  /** The holder renews this while it works; once past, another delivery may take the import over. */
  @Property({ type: 'timestamptz', nullable: true })
  importLeaseUntil: Date | null = null;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
