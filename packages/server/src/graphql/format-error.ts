import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { CodedError, ErrorCode } from '@mymeet/core';

export interface ErrorFormatterOptions {
  /** Internal messages and stack traces in responses (`GRAPHQL_DEBUG=true`); off unless asked for. */
  debug: boolean;
  /** Production: validation errors do not suggest field names ("Did you mean …?"). */
  hideSuggestions: boolean;
  /** Where internal errors go, with their cause (a pino logger fits). */
  logger: { error(fields: Record<string, unknown>, message: string): void };
}

interface ValidationLike {
  name: string;
  extensions?: { validationErrors?: Array<{ property: string; constraints?: Record<string, string> }> };
}

// Extensions a client never needs and that carry internals (stack frames, exception objects).
const INTERNAL_EXTENSIONS = new Set(['stacktrace', 'exception']);

/**
 * The one mapping from errors to the contract's `extensions.code`, at every GraphQL edge.
 * Coded errors give their public code, `field` and `reason`; anything unexpected (and every coded
 * error whose public code is INTERNAL_SERVER_ERROR) is logged with its cause and answered with a
 * generic message, without stack or internal paths unless `debug` is on.
 */
export function createErrorFormatter(options: ErrorFormatterOptions) {
  const { debug, hideSuggestions, logger } = options;
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof CodedError) {
      if (original.publicCode === ErrorCode.INTERNAL_SERVER_ERROR) {
        logger.error({ err: original, code: original.code, path: formatted.path }, original.message);
      }
      return {
        message: original.message,
        path: formatted.path,
        extensions: { code: original.publicCode, ...original.details },
      };
    }
    const validation = original as ValidationLike | undefined;
    if (validation?.name === 'ArgumentValidationError') {
      const first = validation.extensions?.validationErrors?.[0];
      const constraint = first?.constraints ? Object.values(first.constraints)[0] : undefined;
      return {
        message: constraint ? `${first?.property}: ${constraint}` : 'Argument validation error',
        path: formatted.path,
        extensions: { code: ErrorCode.BAD_USER_INPUT, field: first?.property },
      };
    }
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && code !== ErrorCode.INTERNAL_SERVER_ERROR) {
      // The client's own query (parse, validation, coercion) or a coded error a subgraph already mapped.
      return {
        message: hideSuggestions ? withoutSuggestions(formatted.message) : formatted.message,
        ...(formatted.locations ? { locations: formatted.locations } : {}),
        ...(formatted.path ? { path: formatted.path } : {}),
        extensions: debug ? formatted.extensions : publicExtensions(formatted.extensions),
      };
    }
    logger.error({ err: original, path: formatted.path }, 'internal server error');
    return debug
      ? { ...formatted, extensions: { ...formatted.extensions, code: ErrorCode.INTERNAL_SERVER_ERROR } }
      : {
          message: 'Internal server error',
          ...(formatted.path ? { path: formatted.path } : {}),
          extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
        };
  };
}

function publicExtensions(extensions: GraphQLFormattedError['extensions']): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(extensions ?? {}).filter(([key]) => !INTERNAL_EXTENSIONS.has(key)),
  );
}

/** graphql-js appends `Did you mean "a", "b"?` to validation messages, which enumerates the schema. */
export function withoutSuggestions(message: string): string {
  return message.replace(/\s*Did you mean [^?]*\?/g, '');
}
