import assert from 'node:assert/strict';
import { canModify, canView } from './meeting-access.js';

describe('meeting access', () => {
  const meeting = { ownerId: 'alice', participantEmails: ['bob@example.com'] };

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
});
