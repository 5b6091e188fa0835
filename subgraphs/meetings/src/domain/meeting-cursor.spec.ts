import assert from 'node:assert/strict';
import { decodeCursor, encodeCursor } from './meeting-cursor.js';

describe('meeting cursor', () => {
  it('round-trips time and id', () => {
    const cursor = {
      occursAt: new Date('2026-11-28T10:00:00.123Z'),
      id: '3f1c2d6e-8a4b-4c1d-9e2f-0a1b2c3d4e5f',
    };
    assert.deepEqual(decodeCursor(encodeCursor(cursor)), cursor);
  });

  it('refuses tampered cursors with BAD_USER_INPUT on `after`', () => {
    for (const value of ['garbage', Buffer.from('2026-01-01|1 OR 1=1').toString('base64url'), '']) {
      assert.throws(() => decodeCursor(value), {
        code: 'INVALID_CURSOR',
        publicCode: 'BAD_USER_INPUT',
        details: { field: 'after' },
      });
    }
  });
});
