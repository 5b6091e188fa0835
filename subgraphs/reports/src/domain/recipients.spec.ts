import assert from 'node:assert/strict';
import { ReportsError } from './reports-error.js';
import { parseRecipients, requireAllowedRecipients } from './recipients.js';

const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    assert.ok(error instanceof ReportsError);
    return { code: error.publicCode, field: error.details.field };
  }
  return null;
};

describe('report recipients', () => {
  it('normalises, deduplicates, and names the bad address', () => {
    assert.deepEqual(parseRecipients([' Bob@Example.com', 'bob@example.com', 'carol@example.org']), [
      'bob@example.com',
      'carol@example.org',
    ]);
    assert.deepEqual(
      refusal(() => parseRecipients(['bob@example.com', 'eve@x.com>\r\nBcc: all@x.com'])),
      {
        code: 'BAD_USER_INPUT',
        field: 'to.1',
      },
    );
    assert.deepEqual(
      refusal(() => parseRecipients([])),
      { code: 'BAD_USER_INPUT', field: 'to' },
    );
  });

  it('lets a participant send to participants and themselves only; the owner anywhere', () => {
    const participants = ['bob@example.com', 'carol@example.com'];
    const bob = { isOwner: false, email: 'bob@example.com' };
    assert.equal(
      refusal(() => requireAllowedRecipients(['carol@example.com', 'bob@example.com'], bob, participants)),
      null,
    );
    assert.deepEqual(
      refusal(() => requireAllowedRecipients(['carol@example.com', 'eve@example.com'], bob, participants)),
      {
        code: 'FORBIDDEN',
        field: 'to.1',
      },
    );
    assert.equal(
      refusal(() => requireAllowedRecipients(['eve@example.com'], { isOwner: true, email: undefined }, [])),
      null,
    );
  });
});
