import assert from 'node:assert/strict';
import {
  INTERNAL_SIGNATURE_HEADER,
  INTERNAL_USER_HEADER,
  signInternalIdentity,
  verifyInternalIdentity,
} from './internal-identity.js';

describe('internal identity headers', () => {
  const secret = 's'.repeat(40);
  const user = { sub: 'alice', email: 'alice@example.com', roles: [] };

  it('round-trips the user signed by the gateway', () => {
    const headers = signInternalIdentity(user, secret);
    assert.deepEqual(
      verifyInternalIdentity(headers[INTERNAL_USER_HEADER], headers[INTERNAL_SIGNATURE_HEADER], secret),
      user,
    );
  });

  it('refuses a forged user, a wrong secret, missing headers and stale signatures', () => {
    const headers = signInternalIdentity(user, secret);
    const forged = Buffer.from(
      JSON.stringify({ user: { sub: 'mallory', roles: [] }, iat: Date.now() }),
    ).toString('base64url');
    assert.equal(verifyInternalIdentity(forged, headers[INTERNAL_SIGNATURE_HEADER], secret), undefined);
    assert.equal(
      verifyInternalIdentity(
        headers[INTERNAL_USER_HEADER],
        headers[INTERNAL_SIGNATURE_HEADER],
        'x'.repeat(40),
      ),
      undefined,
    );
    assert.equal(verifyInternalIdentity(undefined, undefined, secret), undefined);
    const old = signInternalIdentity(user, secret, Date.now() - 10 * 60_000);
    assert.equal(
      verifyInternalIdentity(old[INTERNAL_USER_HEADER], old[INTERNAL_SIGNATURE_HEADER], secret),
      undefined,
    );
  });
});
