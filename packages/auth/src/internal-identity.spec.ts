import assert from 'node:assert/strict';
import {
  INTERNAL_IDENTITY_TTL_MS,
  INTERNAL_SIGNATURE_HEADER,
  INTERNAL_USER_HEADER,
  InternalIdentityVerifier,
  signInternalIdentity,
} from './internal-identity.js';
import { ReplayCache } from './replay-cache.js';

describe('internal identity headers', () => {
  const secret = 's'.repeat(40);
  const user = { sub: 'alice', email: 'alice@example.com', roles: [] };
  const body = '{"query":"{ meetings { edges { cursor } } }"}';
  const now = Date.parse('2026-12-01T10:00:00Z');
  const sign = (options: { audience?: string; body?: string; now?: number; secret?: string } = {}) => {
    const headers = signInternalIdentity(user, options.secret ?? secret, {
      audience: options.audience ?? 'meetings',
      body: options.body ?? body,
      now: options.now ?? now,
    });
    return [headers[INTERNAL_USER_HEADER], headers[INTERNAL_SIGNATURE_HEADER]] as const;
  };
  const refusal = (verifier: InternalIdentityVerifier, headers: readonly [string?, string?], at = now) => {
    const check = verifier.verify(headers[0], headers[1], body, at);
    return check.kind === 'refused' ? check.reason : check.kind;
  };

  it('round-trips the user signed by the gateway for this subgraph and body', () => {
    const verifier = new InternalIdentityVerifier(secret, 'meetings');
    const [payload, signature] = sign();
    assert.deepEqual(verifier.verify(payload, signature, body, now + 1_000), { kind: 'verified', user });
    assert.deepEqual(verifier.verify(undefined, undefined, body, now), { kind: 'absent' });
  });

  it('refuses a replayed header, however soon', () => {
    const verifier = new InternalIdentityVerifier(secret, 'meetings');
    const headers = sign();
    assert.equal(refusal(verifier, headers), 'verified');
    assert.equal(refusal(verifier, headers), 'REPLAYED');
    assert.equal(refusal(verifier, sign()), 'verified', 'a fresh signature of the same request is fine');
  });

  it('refuses a header re-targeted at another subgraph or put on another body', () => {
    const verifier = new InternalIdentityVerifier(secret, 'meetings');
    assert.equal(refusal(verifier, sign({ audience: 'media' })), 'WRONG_AUDIENCE');
    assert.equal(
      refusal(verifier, sign({ body: '{"query":"mutation { deleteMeeting(id: \\"1\\") }"}' })),
      'BODY_MISMATCH',
    );
  });

  it('is valid for at most 60 s and never from the future', () => {
    const verifier = new InternalIdentityVerifier(secret, 'meetings');
    assert.equal(refusal(verifier, sign(), now + INTERNAL_IDENTITY_TTL_MS), 'verified');
    assert.equal(refusal(verifier, sign(), now + INTERNAL_IDENTITY_TTL_MS + 1), 'EXPIRED');
    assert.equal(refusal(verifier, sign({ now: now + 10_000 })), 'FROM_THE_FUTURE');
  });

  it('refuses forged users, a wrong secret and half a header', () => {
    const verifier = new InternalIdentityVerifier(secret, 'meetings');
    const [, signature] = sign();
    const forged = Buffer.from(
      JSON.stringify({ user: { sub: 'mallory', roles: [] }, aud: 'meetings', jti: 'x', iat: now, body: '' }),
    ).toString('base64url');
    assert.equal(refusal(verifier, [forged, signature]), 'BAD_SIGNATURE');
    assert.equal(refusal(verifier, sign({ secret: 'x'.repeat(40) })), 'BAD_SIGNATURE');
    assert.equal(refusal(verifier, [sign()[0], undefined]), 'MALFORMED');
  });
});

describe('replay cache', () => {
  it('forgets ids once they expire and stays within its capacity', () => {
    const cache = new ReplayCache(3);
    assert.equal(cache.firstUse('a', 100, 0), true);
    assert.equal(cache.firstUse('a', 100, 50), false);
    assert.equal(cache.firstUse('a', 200, 100), true, 'expired, so no longer a replay');
    for (const id of ['b', 'c', 'd', 'e']) cache.firstUse(id, 500, 150);
    assert.equal(cache.size, 3);
  });
});
