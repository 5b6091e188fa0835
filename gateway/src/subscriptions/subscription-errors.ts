import { GraphQLError } from 'graphql';
import { ErrorCode } from '@mymeet/core';

/** A missing meeting and one the subscriber may not see answer alike, so neither leaks which it is. */
export function meetingNotFound(): GraphQLError {
  return new GraphQLError('Meeting not found', { extensions: { code: ErrorCode.NOT_FOUND } });
}

export function badSubscriptionInput(field: string, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.BAD_USER_INPUT, field } });
}

export function liveEventsUnavailable(): GraphQLError {
  return new GraphQLError('Live events are unavailable right now; retry shortly', {
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
  });
}
