import assert from 'node:assert/strict';
import { z } from 'zod';
import { deterministicUuid } from './deterministic-id.js';

describe('deterministicUuid', () => {
  it('is stable for the same parts and a valid UUID', () => {
    const id = deterministicUuid('transcript', 'abc', 3);
    assert.equal(id, deterministicUuid('transcript', 'abc', 3));
    assert.ok(z.uuid().safeParse(id).success);
    assert.equal(id[14], '5');
  });

  it('differs when any part differs, including where parts are split', () => {
    assert.notEqual(deterministicUuid('a', 'bc'), deterministicUuid('ab', 'c'));
    assert.notEqual(deterministicUuid('t', 1), deterministicUuid('t', 2));
  });
});
