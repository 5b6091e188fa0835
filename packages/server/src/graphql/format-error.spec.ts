import assert from 'node:assert/strict';
import { GraphQLError } from 'graphql';
import { DomainError } from '@mymeet/core';
import { createErrorFormatter } from './format-error.js';

describe('error formatting', () => {
  const internal: unknown[] = [];
  const production = createErrorFormatter(true, (error) => internal.push(error));
  const development = createErrorFormatter(false, () => undefined);

  it('maps domain errors to their code and field', () => {
    const error = DomainError.badInput('title', 'Title must not be empty');
    const formatted = production(
      { message: error.message, path: ['createMeeting'] },
      new GraphQLError(error.message, { originalError: error, path: ['createMeeting'] }),
    );
    assert.deepEqual(formatted, {
      message: 'Title must not be empty',
      path: ['createMeeting'],
      extensions: { code: 'BAD_USER_INPUT', field: 'title' },
    });
  });

  it('hides unexpected errors in production: no message details, no stack, logged instead', () => {
    const cause = new Error(
      'duplicate key value violates unique constraint "meeting_pkey" (SQL: insert into …)',
    );
    const formatted = production(
      { message: cause.message, extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at db.js:1'] } },
      new GraphQLError(cause.message, { originalError: cause, path: ['createMeeting'] }),
    );
    assert.deepEqual(formatted, {
      message: 'Internal server error',
      path: undefined,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    assert.equal(internal.at(-1), cause);
    assert.match(development({ message: cause.message }, cause).message, /duplicate key/);
  });

  it("keeps GraphQL validation errors, which describe the client's own query, without stack", () => {
    const formatted = production(
      {
        message: 'Cannot query field "nope" on type "Query".',
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED', stacktrace: ['x'] },
      },
      new GraphQLError('Cannot query field "nope" on type "Query".'),
    );
    assert.deepEqual(formatted.extensions, { code: 'GRAPHQL_VALIDATION_FAILED' });
  });
});
