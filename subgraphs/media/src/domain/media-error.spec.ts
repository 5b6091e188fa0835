import assert from 'node:assert/strict';
import { CodedError, isRetryable } from '@mymeet/core';
import { MediaError, MediaErrorCode, badInput, forbidden, notFound } from './media-error.js';

describe('media errors', () => {
  it('map each service code to one public code, keeping field and reason', () => {
    const error = badInput('url', 'URL_FORBIDDEN_ADDRESS', 'No.');
    assert.ok(error instanceof CodedError);
    assert.equal(error.code, MediaErrorCode.INVALID_INPUT);
    assert.equal(error.publicCode, 'BAD_USER_INPUT');
    assert.deepEqual(error.details, { field: 'url', reason: 'URL_FORBIDDEN_ADDRESS' });
    assert.equal(notFound('Media asset').publicCode, 'NOT_FOUND');
    assert.equal(forbidden('no').publicCode, 'FORBIDDEN');
    assert.equal(new MediaError('TOO_MANY_IMPORTS', 'wait').publicCode, 'RATE_LIMITED');
  });

  it("report our own outages as internal and retryable, and the user's mistakes as final", () => {
    const outage = new MediaError('STORAGE_UNAVAILABLE', 'Object storage failed during headObject.');
    assert.equal(outage.publicCode, 'INTERNAL_SERVER_ERROR');
    assert.equal(isRetryable(outage), true);
    assert.equal(isRetryable(new MediaError('PROBE_UNAVAILABLE', 'slow')), true);
    assert.equal(isRetryable(badInput('url', 'UPSTREAM_STATUS', 'HTTP 404')), false);
  });
});
