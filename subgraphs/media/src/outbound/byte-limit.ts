import { Transform, type TransformCallback } from 'node:stream';
import { badInput } from '../domain/media-error.js';

/** Passes bytes through and fails the stream as soon as more than `maxBytes` went by. */
export class ByteLimit extends Transform {
  bytes = 0;

  constructor(private readonly maxBytes: number) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.bytes += chunk.length;
    if (this.bytes > this.maxBytes) {
      callback(
        badInput(
          'url',
          'FILE_TOO_LARGE',
          `The file at this URL is larger than the ${this.maxBytes}-byte limit.`,
        ),
      );
      return;
    }
    callback(null, chunk);
  }
}
