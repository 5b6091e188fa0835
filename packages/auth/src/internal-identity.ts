import { createHash, createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import type { AuthenticatedUser } from './authenticated-user.js';
import { ReplayCache } from './replay-cache.js';

/**
 * The gateway forwards the verified user to subgraphs in these headers, signed with a secret only
 * the gateway and the subgraphs share. The signed payload names the subgraph it is for, carries a
 * unique id and the SHA-256 of the exact request body, and is valid for 60 s from its issue time:
 * a client calling a subgraph directly cannot forge one, and a captured one cannot be replayed,
 * sent to another subgraph or put on another body.
 */
export const INTERNAL_USER_HEADER = 'x-mymeet-user';
export const INTERNAL_SIGNATURE_HEADER = 'x-mymeet-user-signature';

export const INTERNAL_IDENTITY_TTL_MS = 60_000;
// Tolerated clock difference between gateway and subgraph hosts; beyond it, a header from the
// future is refused.
const CLOCK_SKEW_MS = 1_000;

interface SignedPayload {
  user: AuthenticatedUser;
  /** The subgraph name the header is for. */
  aud: string;
  jti: string;
  /** Milliseconds since the epoch. */
  iat: number;
  /** base64url SHA-256 of the request body. */
  body: string;
}

export interface SignOptions {
  /** The subgraph that will receive it (its name in the supergraph). */
  audience: string;
  /** The exact body the request carries. */
  body: string;
  now?: number;
}

export function signInternalIdentity(
  user: AuthenticatedUser,
  secret: string,
  { audience, body, now = Date.now() }: SignOptions,
): Record<string, string> {
  const signed: SignedPayload = { user, aud: audience, jti: randomUUID(), iat: now, body: sha256(body) };
  const payload = Buffer.from(JSON.stringify(signed)).toString('base64url');
  return { [INTERNAL_USER_HEADER]: payload, [INTERNAL_SIGNATURE_HEADER]: hmac(payload, secret) };
}

export type IdentityRefusal =
  | 'BAD_SIGNATURE'
  | 'MALFORMED'
  | 'WRONG_AUDIENCE'
  | 'BODY_MISMATCH'
  | 'EXPIRED'
  | 'FROM_THE_FUTURE'
  | 'REPLAYED';

export type IdentityCheck =
  | { kind: 'absent' }
  | { kind: 'verified'; user: AuthenticatedUser }
  | { kind: 'refused'; reason: IdentityRefusal };

/** Checks signed identity headers for one subgraph; keeps the ids it accepted until they expire. */
export class InternalIdentityVerifier {
  constructor(
    private readonly secret: string,
    private readonly audience: string,
    private readonly seen = new ReplayCache(),
  ) {}

  verify(
    payload: string | undefined,
    signature: string | undefined,
    body: string,
    now = Date.now(),
  ): IdentityCheck {
    if (!payload && !signature) return { kind: 'absent' };
    if (!payload || !signature) return { kind: 'refused', reason: 'MALFORMED' };
    const expected = Buffer.from(hmac(payload, this.secret));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
      return { kind: 'refused', reason: 'BAD_SIGNATURE' };
    }
    const signed = decode(payload);
    if (!signed) return { kind: 'refused', reason: 'MALFORMED' };
    if (signed.aud !== this.audience) return { kind: 'refused', reason: 'WRONG_AUDIENCE' };
    if (signed.body !== sha256(body)) return { kind: 'refused', reason: 'BODY_MISMATCH' };
    if (signed.iat > now + CLOCK_SKEW_MS) return { kind: 'refused', reason: 'FROM_THE_FUTURE' };
    const expiresAt = signed.iat + INTERNAL_IDENTITY_TTL_MS;
    if (expiresAt < now) return { kind: 'refused', reason: 'EXPIRED' };
    if (!this.seen.firstUse(signed.jti, expiresAt, now)) return { kind: 'refused', reason: 'REPLAYED' };
    return { kind: 'verified', user: signed.user };
  }
}

function decode(payload: string): SignedPayload | undefined {
  try {
    const value = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Partial<SignedPayload>;
    const valid =
      typeof value.aud === 'string' &&
      typeof value.jti === 'string' &&
      typeof value.iat === 'number' &&
      typeof value.body === 'string' &&
      typeof value.user?.sub === 'string' &&
      Array.isArray(value.user.roles);
    return valid ? (value as SignedPayload) : undefined;
  } catch {
    return undefined;
  }
}

function hmac(payload: string, secret: string): string {
  return createHmac('sha256', secret).update(payload).digest('base64url');
}

function sha256(body: string): string {
  return createHash('sha256').update(body).digest('base64url');
}
