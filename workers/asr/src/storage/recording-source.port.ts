/** Where the worker reads a recording from: a URL ffmpeg can stream, valid for a short while. */
export interface RecordingSourcePort {
  /** A short-lived URL for the object, or a MEDIA_NOT_FOUND error when it is gone. */
  urlFor(objectKey: string): Promise<string>;
}
