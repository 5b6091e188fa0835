// Embedded S3-compatible storage (s3rver) for one trusted machine.
export { startLocalS3Server } from './local-s3-server.js';
export type { LocalS3Server, LocalS3ServerOptions } from './local-s3-server.js';
