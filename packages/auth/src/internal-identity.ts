import { createHmac, timingSafeEqual } from 'node:crypto';
import type { AuthenticatedUser } from './authenticated-user.js';

/**
 * The gateway forwards the verified user to subgraphs in these headers, signed with a secret only
 * the gateway and the subgraphs share. A client calling a subgraph directly cannot forge them.
 */
export const INTERNAL_USER_HEADER = 'x-mymeet-user';
export const INTERNAL_SIGNATURE_HEADER = 'x-mymeet-user-signature';

const MAX_AGE_MS = 5 * 60_000;

export function signInternalIdentity(
  user: AuthenticatedUser,
  secret: string,
  now = Date.now(),
): Record<string, string> {
  const payload = Buffer.from(JSON.stringify({ user, iat: now })).toString('base64url');
  return { [INTERNAL_USER_HEADER]: payload, [INTERNAL_SIGNATURE_HEADER]: hmac(payload, secret) };
}

/** Returns the forwarded user, or undefined when headers are absent, forged or stale. */
export function verifyInternalIdentity(
  payload: string | undefined,
  signature: string | undefined,
  secret: string,
  now = Date.now(),
): AuthenticatedUser | undefined {
  if (!payload || !signature) return undefined;
  const expected = Buffer.from(hmac(payload, secret));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
  try {
    const decoded = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as {
      user: AuthenticatedUser;
      iat: number;
    };
    if (typeof decoded.iat !== 'number' || Math.abs(now - decoded.iat) > MAX_AGE_MS) return undefined;
    return decoded.user;
  } catch {
    return undefined;
  }
}

function hmac(payload: string, secret: string): string {
  return createHmac('sha256', secret).update(payload).digest('base64url');
}
