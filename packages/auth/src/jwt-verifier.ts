import { createSecretKey, type KeyObject } from 'node:crypto';
import { createRemoteJWKSet, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { DomainError } from '@mymeet/core';
import type { AuthenticatedUser } from './authenticated-user.js';
import { trustedEmail } from './email-address.js';
import { isAllowedJwksUrl } from './jwks-url.js';

export type JwtVerifierOptions =
  | { kind: 'hs256'; secret: string; issuer?: string; audience?: string }
  | { kind: 'jwks'; jwksUrl: string; issuer?: string; audience?: string };

export type JwtVerifier = (token: string) => Promise<AuthenticatedUser>;

/**
 * HS256 with a shared secret locally; RS256/ES256 against an OIDC provider's JWKS in production.
 * Every token must expire (`exp`). E-mail addresses count only when verified: a provider's token
 * must say `email_verified: true`; development HS256 tokens count as verified unless they say false.
 */
export function createJwtVerifier(options: JwtVerifierOptions): JwtVerifier {
  if (options.kind === 'jwks' && !isAllowedJwksUrl(options.jwksUrl)) {
    throw new Error(`JWT_JWKS_URL must be https (http only for loopback): ${options.jwksUrl}`);
  }
  const verifyOptions = {
    issuer: options.issuer,
    audience: options.audience,
    algorithms: options.kind === 'hs256' ? ['HS256'] : ['RS256', 'ES256', 'PS256', 'EdDSA'],
    requiredClaims: ['exp'],
  };
  // The secret is imported once: handing jose raw bytes would re-import the key on every request.
  const key: KeyObject | JWTVerifyGetKey =
    options.kind === 'hs256'
      ? createSecretKey(Buffer.from(options.secret, 'utf8'))
      : createRemoteJWKSet(new URL(options.jwksUrl));

  return async (token) => {
    let payload: JWTPayload;
    try {
      ({ payload } =
        typeof key === 'function'
          ? await jwtVerify(token, key, verifyOptions)
          : await jwtVerify(token, key, verifyOptions));
    } catch {
      throw DomainError.unauthenticated('Invalid or expired token');
    }
    return userFromClaims(payload, options.kind === 'hs256');
  };
}

function userFromClaims(payload: JWTPayload, developmentToken: boolean): AuthenticatedUser {
  if (!payload.sub) throw DomainError.unauthenticated('Token has no subject');
  const roles = payload.roles;
  // Some providers (Cognito) send the flag as a string.
  const flag = payload.email_verified;
  const verified = flag === true || flag === 'true' || (developmentToken && flag === undefined);
  return {
    sub: payload.sub,
    email: typeof payload.email === 'string' ? trustedEmail(payload.email, verified) : undefined,
    name: typeof payload.name === 'string' ? payload.name : undefined,
    roles: Array.isArray(roles) ? roles.filter((role): role is string => typeof role === 'string') : [],
  };
}

/** Extracts the token from `Bearer <token>`; undefined when absent or malformed. */
export function bearerToken(header: string | undefined | null): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(header?.trim() ?? '');
  return match?.[1];
}
