import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, exportJWK, generateKeyPair, type CryptoKey } from 'jose';
import { createJwtVerifier } from './jwt-verifier.js';

describe('JWT verification against an OIDC provider JWKS (RS256)', () => {
  let server: Server;
  let jwksUrl: string;
  let privateKey: CryptoKey;

  before(async () => {
    const pair = await generateKeyPair('RS256');
    privateKey = pair.privateKey;
    const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'key-1', alg: 'RS256', use: 'sig' };
    server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json`;
  });

  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const sign = (
    claims: Record<string, unknown>,
    issuer = 'https://idp.example.com',
    key: CryptoKey = privateKey,
  ) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: 'key-1' })
      .setSubject('alice')
      .setIssuer(issuer)
      .setAudience('mymeet')
      .setExpirationTime('5m')
      .sign(key);

  const providerVerifier = () =>
    createJwtVerifier({ kind: 'jwks', jwksUrl, issuer: 'https://idp.example.com', audience: 'mymeet' });

  it('accepts tokens signed by the provider with the expected issuer and audience', async () => {
    const verify = providerVerifier();
    const user = await verify(
      await sign({ email: 'alice@example.com', email_verified: true, roles: ['member'] }),
    );
    assert.deepEqual(user, { sub: 'alice', email: 'alice@example.com', name: undefined, roles: ['member'] });
  });

  it("trusts a provider's e-mail only when it says `email_verified: true`", async () => {
    const verify = providerVerifier();
    assert.equal((await verify(await sign({ email: 'alice@example.com' }))).email, undefined);
    assert.equal(
      (await verify(await sign({ email: 'alice@example.com', email_verified: false }))).email,
      undefined,
    );
    assert.equal(
      (await verify(await sign({ email: 'alice@example.com', email_verified: 'true' }))).email,
      'alice@example.com',
    );
  });

  it('refuses a JWKS URL over plain http unless it is loopback', () => {
    assert.throws(() => createJwtVerifier({ kind: 'jwks', jwksUrl: 'http://idp.example.com/jwks' }), /https/);
    createJwtVerifier({ kind: 'jwks', jwksUrl: 'http://localhost:9/jwks' });
  });

  it('rejects another issuer, another key and an HS256 token forged with the public key', async () => {
    const verify = providerVerifier();
    await assert.rejects(verify(await sign({}, 'https://evil.example.com')), { code: 'UNAUTHENTICATED' });
    const other = await generateKeyPair('RS256');
    await assert.rejects(verify(await sign({}, 'https://idp.example.com', other.privateKey)), {
      code: 'UNAUTHENTICATED',
    });
    const hs256 = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256', kid: 'key-1' })
      .setSubject('alice')
      .sign(new TextEncoder().encode('k'.repeat(40)));
    await assert.rejects(verify(hs256), { code: 'UNAUTHENTICATED' });
  });
});
