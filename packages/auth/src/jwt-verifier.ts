import { createSecretKey, type KeyObject } from 'node:crypto';
import { createRemoteJWKSet, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { DomainError } from '@mymeet/core';
import type { AuthenticatedUser } from './authenticated-user.js';

export type JwtVerifierOptions =
  | { kind: 'hs256'; secret: string; issuer?: string; audience?: string }
  | { kind: 'jwks'; jwksUrl: string; issuer?: string; audience?: string };

export type JwtVerifier = (token: string) => Promise<AuthenticatedUser>;

/** HS256 with a shared secret locally; RS256/ES256 against an OIDC provider's JWKS in production. */
export function createJwtVerifier(options: JwtVerifierOptions): JwtVerifier {
  const verifyOptions = {
    issuer: options.issuer,
    audience: options.audience,
    algorithms: options.kind === 'hs256' ? ['HS256'] : ['RS256', 'ES256', 'PS256', 'EdDSA'],
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
    return userFromClaims(payload);
  };
}

function userFromClaims(payload: JWTPayload): AuthenticatedUser {
  if (!payload.sub) throw DomainError.unauthenticated('Token has no subject');
  const roles = payload.roles;
  return {
    sub: payload.sub,
    email: typeof payload.email === 'string' ? payload.email.toLowerCase() : undefined,
    name: typeof payload.name === 'string' ? payload.name : undefined,
    roles: Array.isArray(roles) ? roles.filter((role): role is string => typeof role === 'string') : [],
  };
}

/** Extracts the token from `Bearer <token>`; undefined when absent or malformed. */
export function bearerToken(header: string | undefined | null): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(header?.trim() ?? '');
  return match?.[1];
}
