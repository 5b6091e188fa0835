import assert from 'node:assert/strict';
import { SignJWT } from 'jose';
import { mintDevToken } from './dev-token.js';
import { bearerToken, createJwtVerifier } from './jwt-verifier.js';

describe('JWT verification (HS256)', () => {
  const secret = 'k'.repeat(40);
  const verify = createJwtVerifier({ kind: 'hs256', secret });

  it('accepts a valid token and maps its claims', async () => {
    const token = await mintDevToken(secret, {
      sub: 'alice',
      email: 'Alice@Example.com',
      name: 'Alice',
      roles: ['admin'],
    });
    assert.deepEqual(await verify(token), {
      sub: 'alice',
      email: 'alice@example.com',
      name: 'Alice',
      roles: ['admin'],
    });
  });

  it('rejects wrong signatures, expired tokens, alg "none" and tokens without a subject as UNAUTHENTICATED', async () => {
    const wrong = await mintDevToken('w'.repeat(40), { sub: 'alice' });
    const expired = await mintDevToken(secret, { sub: 'alice' }, '-1m');
    const unsigned = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from('{"sub":"alice"}').toString('base64url')}.`;
    const noSubject = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .sign(new TextEncoder().encode(secret));
    for (const token of [wrong, expired, unsigned, noSubject, 'garbage']) {
      await assert.rejects(verify(token), { code: 'UNAUTHENTICATED' });
    }
  });

  it('extracts bearer tokens', () => {
    assert.equal(bearerToken('Bearer abc.def'), 'abc.def');
    assert.equal(bearerToken('bearer abc'), 'abc');
    assert.equal(bearerToken('Basic abc'), undefined);
    assert.equal(bearerToken(undefined), undefined);
  });
});

describe('JWT claims the platform trusts', () => {
  const secret = 'k'.repeat(40);
  const verify = createJwtVerifier({ kind: 'hs256', secret });
  const key = new TextEncoder().encode(secret);
  const token = (claims: Record<string, unknown>, expires: string | null = '5m') => {
    const jwt = new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setSubject('alice');
    return (expires ? jwt.setExpirationTime(expires) : jwt).sign(key);
  };

  it('requires an expiry', async () => {
    await assert.rejects(verify(await token({}, null)), { code: 'UNAUTHENTICATED' });
  });

  it('keeps the e-mail of development tokens unless they say it is unverified', async () => {
    assert.equal((await verify(await token({ email: 'Alice@Example.com' }))).email, 'alice@example.com');
    assert.equal(
      (await verify(await token({ email: 'alice@example.com', email_verified: false }))).email,
      undefined,
    );
    assert.equal(
      (await verify(await mintDevToken(secret, { sub: 'a', email: 'a@example.com', emailVerified: false })))
        .email,
      undefined,
    );
  });

  it('drops an address NFKC would change, such as one spelt with the Kelvin sign', async () => {
    assert.equal((await verify(await token({ email: '\u212Aelly@example.com' }))).email, undefined);
  });
});
