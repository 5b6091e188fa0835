import assert from 'node:assert/strict';
import { normalizeEmail, trustedEmail } from './email-address.js';
import { canModify, canView, participantEmailOf } from './meeting-access.js';

describe('meeting access', () => {
  const meeting = { ownerId: 'alice', participantEmails: ['bob@example.com', 'kelly@example.com'] };

  it('lets the owner and participants (by e-mail, any case) see a meeting', () => {
    assert.equal(canView({ sub: 'alice', roles: [] }, meeting), true);
    assert.equal(canView({ sub: 'bob', email: 'Bob@Example.com', roles: [] }, meeting), true);
    assert.equal(canView({ sub: 'eve', email: 'eve@example.com', roles: [] }, meeting), false);
    assert.equal(canView({ sub: 'eve', roles: [] }, meeting), false);
  });

  it('lets only the owner modify it', () => {
    assert.equal(canModify({ sub: 'alice', roles: [] }, meeting), true);
    assert.equal(canModify({ sub: 'bob', email: 'bob@example.com', roles: [] }, meeting), false);
  });

  it('matches in one normal form (NFKC, lower case), the one participant addresses are stored in', () => {
    assert.equal(normalizeEmail(' Bob@EXAMPLE.com '), 'bob@example.com');
    assert.equal(normalizeEmail('ｂｏｂ@example.com'), 'bob@example.com');
    assert.equal(participantEmailOf({ sub: 'b', email: 'BOB@example.com', roles: [] }), 'bob@example.com');
  });

  it('trusts only verified addresses, and none that NFKC would change (Kelvin sign for k)', () => {
    assert.equal(trustedEmail('Kelly@Example.com', true), 'kelly@example.com');
    assert.equal(trustedEmail('kelly@example.com', false), undefined);
    // '\u212A'.toLowerCase() is 'k': the old comparison let this mailbox read Kelly's meetings.
    assert.equal('\u212Aelly@example.com'.toLowerCase(), 'kelly@example.com');
    assert.equal(trustedEmail('\u212Aelly@example.com', true), undefined);
    assert.equal(trustedEmail('ｋelly@example.com', true), undefined);
  });
});
