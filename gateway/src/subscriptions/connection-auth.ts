import { bearerToken, type AuthenticatedUser, type JwtVerifier } from '@mymeet/auth';
import { CLOSE, type CloseReason } from './close-codes.js';

export type ConnectionVerdict = { user: AuthenticatedUser; expiresAtMs: number } | { refuse: CloseReason };

/**
 * Checks the bearer token a client sends in `connection_init` (`{ authorization: "Bearer …" }`)
 * with the same verifier as HTTP requests, and learns when it expires so the connection can end then.
 */
export function createConnectionAuthenticator(verify: JwtVerifier) {
  return async (params: Readonly<Record<string, unknown>> | undefined): Promise<ConnectionVerdict> => {
    const header = params?.authorization ?? params?.Authorization;
    const token = bearerToken(typeof header === 'string' ? header : undefined);
    if (!token) return { refuse: CLOSE.missingToken };
    try {
      return { user: await verify(token), expiresAtMs: expiryOf(token) };
    } catch {
      return { refuse: CLOSE.invalidToken };
    }
  };
}

// Read only after the verifier accepted the token, which requires `exp`.
function expiryOf(token: string): number {
  const claims = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as {
    exp: number;
  };
  return claims.exp * 1000;
}
