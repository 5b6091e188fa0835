import { SignJWT } from 'jose';

export interface DevTokenClaims {
  sub: string;
  email?: string;
  name?: string;
  roles?: string[];
  /** Development tokens count as verified; false mints one whose e-mail is not trusted. */
  emailVerified?: boolean;
}

/** Signs an HS256 token for local development and tests. */
export async function mintDevToken(
  secret: string,
  claims: DevTokenClaims,
  expiresIn = '12h',
): Promise<string> {
  return new SignJWT({
    email: claims.email,
    name: claims.name,
    roles: claims.roles ?? [],
    ...(claims.emailVerified === undefined ? {} : { email_verified: claims.emailVerified }),
  })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(claims.sub)
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(new TextEncoder().encode(secret));
}
