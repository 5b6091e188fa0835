import assert from 'node:assert/strict';
import { GraphQLError } from 'graphql';
import { CodedError, DomainError, ErrorCode, type ErrorDetails } from '@mymeet/core';
import { createErrorFormatter } from './format-error.js';

// A service's own coded error, as media or meetings declare theirs.
const SAMPLE_ERRORS = {
  TITLE_TAKEN: { publicCode: ErrorCode.BAD_USER_INPUT, retryable: false },
  STORAGE_UNAVAILABLE: { publicCode: ErrorCode.INTERNAL_SERVER_ERROR, retryable: true },
} as const;
class SampleError extends CodedError<keyof typeof SAMPLE_ERRORS> {
  constructor(code: keyof typeof SAMPLE_ERRORS, message: string, details?: ErrorDetails, cause?: unknown) {
    super(code, SAMPLE_ERRORS[code], message, details, cause);
  }
}

function recordingLogger() {
  const lines: Array<{ fields: Record<string, unknown>; message: string }> = [];
  return {
    lines,
    logger: { error: (fields: Record<string, unknown>, message: string) => lines.push({ fields, message }) },
  };
}

const resolverError = (error: Error, path = ['createMeeting']) =>
  new GraphQLError(error.message, { originalError: error, path });

describe('error formatting', () => {
  const production = () => {
    const log = recordingLogger();
    return { ...log, format: createErrorFormatter({ debug: false, hideSuggestions: true, ...log }) };
  };

  it("maps a service's coded error to its public code, field and reason", () => {
    const { format, lines } = production();
    const error = new SampleError('TITLE_TAKEN', 'That title is taken', { field: 'title', reason: 'TAKEN' });
    assert.deepEqual(format({ message: error.message, path: ['createMeeting'] }, resolverError(error)), {
      message: 'That title is taken',
      path: ['createMeeting'],
      extensions: { code: 'BAD_USER_INPUT', field: 'title', reason: 'TAKEN' },
    });
    assert.equal(lines.length, 0, 'the caller’s own mistake is not an incident');
  });

  it('keeps the DomainError helpers working', () => {
    const { format } = production();
    const error = DomainError.badInput('title', 'Title must not be empty');
    assert.deepEqual(format({ message: error.message }, resolverError(error)).extensions, {
      code: 'BAD_USER_INPUT',
      field: 'title',
    });
  });

  it('logs a coded INTERNAL_SERVER_ERROR with its cause (an outage is never silent)', () => {
    const { format, lines } = production();
    const cause = new Error('connect ECONNREFUSED 10.0.0.7:9000');
    const error = new SampleError('STORAGE_UNAVAILABLE', 'Storage is unavailable; try again.', {}, cause);
    const formatted = format({ message: error.message, path: ['requestMediaUpload'] }, resolverError(error));
    assert.deepEqual(formatted.extensions, { code: 'INTERNAL_SERVER_ERROR' });
    assert.equal(formatted.message, 'Storage is unavailable; try again.');
    assert.equal(lines.length, 1);
    assert.equal(lines[0]?.fields.err, error);
    assert.equal((lines[0]?.fields.err as Error).cause, cause);
    assert.equal(lines[0]?.fields.code, 'STORAGE_UNAVAILABLE');
  });

  it('hides unexpected errors unless debug is on: no message details, no stack, logged instead', () => {
    const { format, lines } = production();
    const cause = new Error('duplicate key value violates unique constraint "meeting_pkey" (SQL: insert …)');
    const formatted = format(
      {
        message: cause.message,
        path: ['createMeeting'],
        extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at /srv/app/dist/db.js:1'] },
      },
      resolverError(cause),
    );
    assert.deepEqual(formatted, {
      message: 'Internal server error',
      path: ['createMeeting'],
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    assert.equal(lines.at(-1)?.fields.err, cause);
    assert.doesNotMatch(JSON.stringify(formatted), /stacktrace|\/srv\/|SQL/);

    const debug = createErrorFormatter({ debug: true, hideSuggestions: false, logger: { error: () => 0 } });
    assert.match(debug({ message: cause.message }, cause).message, /duplicate key/);
  });

  it("keeps the client's own query errors and a subgraph's coded errors, without stack or suggestions", () => {
    const { format, lines } = production();
    const validation = format(
      {
        message: 'Cannot query field "titel" on type "Meeting". Did you mean "title"?',
        locations: [{ line: 1, column: 3 }],
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED', stacktrace: ['x'] },
      },
      new GraphQLError('Cannot query field "titel" on type "Meeting". Did you mean "title"?'),
    );
    assert.deepEqual(validation, {
      message: 'Cannot query field "titel" on type "Meeting".',
      locations: [{ line: 1, column: 3 }],
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
    const forwarded = format(
      {
        message: 'Invalid cursor',
        path: ['meetings'],
        extensions: { code: 'BAD_USER_INPUT', field: 'after' },
      },
      new GraphQLError('Invalid cursor', { extensions: { code: 'BAD_USER_INPUT', field: 'after' } }),
    );
    assert.deepEqual(forwarded.extensions, { code: 'BAD_USER_INPUT', field: 'after' });
    assert.equal(lines.length, 0);
  });

  it('keeps suggestions for development when they are not hidden', () => {
    const development = createErrorFormatter({
      debug: false,
      hideSuggestions: false,
      logger: { error: () => 0 },
    });
    const message = 'Cannot query field "titel" on type "Meeting". Did you mean "title"?';
    assert.equal(
      development({ message, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }, new GraphQLError(message))
        .message,
      message,
    );
  });
});
