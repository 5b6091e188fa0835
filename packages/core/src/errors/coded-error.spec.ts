import assert from 'node:assert/strict';
import { CodedError, isRetryable } from './coded-error.js';
import { DomainError } from './domain-error.js';
import { ErrorCode } from './error-code.js';

const JOB_ERRORS = {
  SOURCE_GONE: { publicCode: ErrorCode.NOT_FOUND, retryable: false },
  STORAGE_UNAVAILABLE: { publicCode: ErrorCode.INTERNAL_SERVER_ERROR, retryable: true },
} as const;
class JobError extends CodedError<keyof typeof JOB_ERRORS> {
  constructor(code: keyof typeof JOB_ERRORS, message: string, cause?: unknown) {
    super(code, JOB_ERRORS[code], message, {}, cause);
  }
}

describe('coded errors', () => {
  it('carry the service code, the public code, retryability and the cause', () => {
    const cause = new Error('socket hang up');
    const error = new JobError('STORAGE_UNAVAILABLE', 'Storage is unavailable', cause);
    assert.equal(error.name, 'JobError');
    assert.equal(error.code, 'STORAGE_UNAVAILABLE');
    assert.equal(error.publicCode, 'INTERNAL_SERVER_ERROR');
    assert.equal(error.cause, cause);
    assert.ok(error instanceof CodedError && error instanceof Error);
  });

  it('tell a worker what to do: retry (nak) or give up (terminate)', () => {
    assert.equal(isRetryable(new JobError('STORAGE_UNAVAILABLE', 'x')), true);
    assert.equal(isRetryable(new JobError('SOURCE_GONE', 'x')), false);
    assert.equal(isRetryable(DomainError.badInput('url', 'bad')), false);
    assert.equal(isRetryable(new Error('ECONNRESET')), true, 'unknown failures are presumed transient');
  });

  it('keep DomainError, whose code is the public one', () => {
    const error = DomainError.notFound('Meeting');
    assert.equal(error.code, 'NOT_FOUND');
    assert.equal(error.publicCode, 'NOT_FOUND');
    assert.equal(error.message, 'Meeting not found');
  });
});
