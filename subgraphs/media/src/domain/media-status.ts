/** Where an uploaded or imported recording is in its life. */
export enum MediaStatus {
  PENDING_UPLOAD = 'PENDING_UPLOAD',
  VALIDATING = 'VALIDATING',
  READY = 'READY',
  REJECTED = 'REJECTED',
}

/** How the bytes reached storage. */
export enum MediaSource {
  UPLOAD = 'UPLOAD',
  URL = 'URL',
}

/** One presigned PUT, or presigned parts of a multipart upload. */
export enum UploadMode {
  SINGLE = 'SINGLE',
  MULTIPART = 'MULTIPART',
}
