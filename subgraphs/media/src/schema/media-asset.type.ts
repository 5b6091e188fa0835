import { Directive, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { SafeIntScalar } from '@mymeet/server';
import { MediaSource, MediaStatus } from './media-enums.js';

@ObjectType({ description: 'A recording of a meeting, uploaded or imported' })
@Directive('@key(fields: "id")')
export class MediaAsset {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  meetingId!: string;

  @Field({ description: 'The name the file was uploaded under, cleaned for display' })
  fileName!: string;

  @Field()
  contentType!: string;

  @Field(() => SafeIntScalar, { description: 'Announced size until validated, then the stored size' })
  byteSize!: number;

  @Field(() => MediaStatus)
  status!: MediaStatus;

  @Field(() => String, { nullable: true, description: 'Why the file was refused, in words for the user' })
  rejectionReason!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Stable reason code: NOT_MEDIA, NO_AUDIO_STREAM, TRUNCATED, EMPTY_FILE, SIZE_MISMATCH, …',
  })
  rejectionCode!: string | null;

  @Field(() => Float, { nullable: true })
  durationSeconds!: number | null;

  @Field(() => String, { nullable: true, description: 'Container format as probed, e.g. "mp3"' })
  container!: string | null;

  @Field(() => String, { nullable: true })
  audioCodec!: string | null;

  @Field(() => String, { nullable: true })
  videoCodec!: string | null;

  @Field(() => Int, { nullable: true })
  sampleRate!: number | null;

  @Field(() => Int, { nullable: true })
  channels!: number | null;

  @Field(() => MediaSource)
  source!: MediaSource;

  /** Not exposed as stored: `sourceUrl` shows it to the importer only (see MediaAssetResolver). */
  storedSourceUrl!: string | null;

  /** Not exposed: who uploaded or imported it. */
  ownerId!: string;

  @Field(() => ID, {
    nullable: true,
    description: 'The transcript being made from this recording, once READY',
  })
  transcriptId!: string | null;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date)
  updatedAt!: Date;

  /** Not exposed: where the bytes are, for `downloadUrl`. */
  objectKey!: string;
}
