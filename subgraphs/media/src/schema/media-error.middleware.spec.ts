import assert from 'node:assert/strict';
import { DomainError } from '@mymeet/core';
import { MediaError, badInput } from '../domain/media-error.js';
import { toPublicError } from './media-error.middleware.js';

describe('media error mapping', () => {
  it('keeps the code, field and reason of user errors', () => {
    const mapped = toPublicError(badInput('url', 'URL_FORBIDDEN_ADDRESS', 'No.'));
    assert.ok(mapped instanceof DomainError);
    assert.equal(mapped.code, 'BAD_USER_INPUT');
    assert.deepEqual(mapped.details, { field: 'url', reason: 'URL_FORBIDDEN_ADDRESS' });
  });

  it('reports our own outages as internal errors with a safe message, and leaves other errors alone', () => {
    const mapped = toPublicError(
      new MediaError('STORAGE_UNAVAILABLE', 'Object storage failed during headObject.'),
    );
    assert.ok(mapped instanceof DomainError);
    assert.equal(mapped.code, 'INTERNAL_SERVER_ERROR');
    const other = new TypeError('boom');
    assert.equal(toPublicError(other), other);
  });
});
