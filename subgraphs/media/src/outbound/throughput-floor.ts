import { Transform, type TransformCallback } from 'node:stream';
import { badInput } from '../domain/media-error.js';

/**
 * Fails the stream when fewer than `minBytesPerSecond` arrived over a whole window: a server that
 * trickles a byte every few seconds never trips an idle timeout, but would hold an import slot
 * for hours. A window in which our own side was the bottleneck (bytes waiting to be read
 * downstream) is not held against the server.
 */
export class ThroughputFloor extends Transform {
  private bytesInWindow = 0;
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly minBytesPerSecond: number,
    private readonly windowMs: number,
  ) {
    super();
    this.timer = setInterval(() => this.judgeWindow(), windowMs);
    this.timer.unref();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.bytesInWindow += chunk.length;
    callback(null, chunk);
  }

  override _flush(callback: TransformCallback): void {
    clearInterval(this.timer);
    callback();
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    clearInterval(this.timer);
    callback(error);
  }

  private judgeWindow(): void {
    const received = this.bytesInWindow;
    this.bytesInWindow = 0;
    if (this.readableLength > 0 || this.writableNeedDrain) return; // we were slow, not the server
    if (received >= (this.minBytesPerSecond * this.windowMs) / 1000) return;
    const seconds = +(this.windowMs / 1000).toFixed(1);
    this.destroy(
      badInput(
        'url',
        'UPSTREAM_TOO_SLOW',
        `The server sent ${received} bytes in ${seconds} s, below the ${this.minBytesPerSecond} bytes/s minimum.`,
      ),
    );
  }
}
