import assert from 'node:assert/strict';
import { RateLimiter } from './rate-limiter.js';

describe('RateLimiter', () => {
  it('allows a burst of the per-minute budget, then asks to wait, and refills over time', () => {
    let now = 0;
    const limiter = new RateLimiter(60, () => now);
    for (let i = 0; i < 60; i++) assert.equal(limiter.take('alice'), 0);
    assert.equal(limiter.take('alice'), 1000);
    assert.equal(limiter.take('bob'), 0, 'budgets are per user');
    now += 1000;
    assert.equal(limiter.take('alice'), 0);
    assert.ok(limiter.take('alice') > 0);
  });
});
