import { randomBytes } from 'node:crypto';

/** Per-run secrets, so tests never depend on a developer's `.data/secrets.env`. */
export function testSecrets() {
  return {
    JWT_SECRET: randomBytes(32).toString('base64url'),
    INTERNAL_SECRET: randomBytes(32).toString('base64url'),
  };
}

export const testNatsUrl = () => process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
