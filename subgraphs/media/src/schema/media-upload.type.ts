import { Field, Int, ObjectType } from 'type-graphql';
import { JSONScalar, SafeIntScalar } from '@mymeet/server';
import { MediaAsset } from './media-asset.type.js';
import { UploadMode } from './media-enums.js';

@ObjectType({ description: 'One part of a multipart upload: PUT bytes [offset, offset + byteSize) to `url`' })
export class MediaUploadPart {
  @Field(() => Int)
  partNumber!: number;

  @Field()
  url!: string;

  @Field(() => SafeIntScalar, { description: 'First byte of the file this part carries' })
  offset!: number;

  @Field(() => SafeIntScalar)
  byteSize!: number;
}

@ObjectType({
  description: 'Where and how to send the file straight to storage, then call completeMediaUpload',
})
export class MediaUpload {
  @Field(() => MediaAsset)
  media!: MediaAsset;

  @Field(() => UploadMode)
  uploadMode!: UploadMode;

  @Field({
    description:
      'SINGLE: PUT the whole file here with `uploadHeaders`. MULTIPART: the URL of part 1 (the same as parts[0].url); send every entry of `parts`.',
  })
  uploadUrl!: string;

  @Field(() => JSONScalar, {
    nullable: true,
    description: 'Headers the PUT must carry exactly (they are signed), e.g. Content-Type',
  })
  uploadHeaders!: Record<string, string> | null;

  @Field(() => Date, { description: 'The upload URLs stop working at this time' })
  expiresAt!: Date;

  @Field(() => SafeIntScalar, { nullable: true, description: 'MULTIPART: size of every part but the last' })
  partSize!: number | null;

  @Field(() => [MediaUploadPart], { nullable: true, description: 'MULTIPART only; parts may go in parallel' })
  parts!: MediaUploadPart[] | null;
}
