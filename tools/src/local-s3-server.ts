import { mkdir } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import S3rver from 's3rver';
import { handleMultipartGaps } from './local-s3-multipart-shim.js';

/** Where and how to run the embedded S3-compatible server. */
export interface LocalS3ServerOptions {
  /** Folder that holds the buckets; created if missing. */
  directory: string;
  /** Interface to bind; loopback by default, since the server has no authentication. */
  host?: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Log every request to the console (off by default). */
  verbose?: boolean;
}

/** A running embedded S3-compatible server. */
export interface LocalS3Server {
  /** Base URL to hand to the S3 client as `endpoint` (path-style addressing). */
  endpoint: string;
  host: string;
  port: number;
  directory: string;
  /** The only access key s3rver knows; it checks no secret or signature. */
  credentials: { accessKeyId: string; secretAccessKey: string };
  stop(): Promise<void>;
}

const S3RVER_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

/**
 * Starts s3rver, an S3 REST API double that handles presigned PUT/GET and presigned multipart parts.
 *
 * SECURITY: s3rver verifies no signature at all (unsigned, wrongly signed and tampered presigned
 * requests all succeed), so it is a test double for ONE trusted machine. It binds to loopback by
 * default; production points `S3_ENDPOINT` at MinIO or AWS S3. S3 clients talking to it must set
 * `requestChecksumCalculation` and `responseChecksumValidation` to `'WHEN_REQUIRED'`, or s3rver
 * stores streamed uploads corrupted.
 */
export async function startLocalS3Server(options: LocalS3ServerOptions): Promise<LocalS3Server> {
  const host = options.host ?? '127.0.0.1';
  await mkdir(options.directory, { recursive: true });
  const s3rver = new S3rver({
    directory: options.directory,
    silent: !options.verbose,
    vhostBuckets: false,
  });
  const s3rverHandler = s3rver.callback();
  const server = createServer((req, res) => {
    void handleMultipartGaps(options.directory, req, res).then(
      (handled) => {
        if (!handled) s3rverHandler(req, res);
      },
      (error: unknown) => {
        res.statusCode = 500;
        res.end(String(error));
      },
    );
  });
  await listen(server, options.port ?? 0, host);
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    host,
    port,
    directory: options.directory,
    credentials: { ...S3RVER_CREDENTIALS },
    stop: () => close(server, s3rver),
  };
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

function close(server: Server, s3rver: S3rver): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => {
      // s3rver's winston logger keeps a handle open until closed.
      (s3rver as unknown as { logger?: { close(): void } }).logger?.close();
      if (error) reject(error);
      else resolve();
    });
    server.closeAllConnections();
  });
}
