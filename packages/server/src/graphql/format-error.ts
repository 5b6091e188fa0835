import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { DomainError, ErrorCode } from '@mymeet/core';

interface ValidationLike {
  name: string;
  extensions?: { validationErrors?: Array<{ property: string; constraints?: Record<string, string> }> };
}

/**
 * Maps every error to the contract's `extensions.code`. In production nothing internal leaks:
 * unknown errors become a generic INTERNAL_SERVER_ERROR without message details or stack.
 */
export function createErrorFormatter(production: boolean, onInternal: (error: unknown) => void) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof DomainError) {
      return {
        message: original.message,
        path: formatted.path,
        extensions: { code: original.code, ...original.details },
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
      // GraphQL validation and parse errors: safe to show, they describe the client's own query.
      const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions: production ? { code } : extensions };
    }
    onInternal(original);
    return production
      ? {
          message: 'Internal server error',
          path: formatted.path,
          extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
        }
      : { ...formatted, extensions: { ...formatted.extensions, code: ErrorCode.INTERNAL_SERVER_ERROR } };
  };
}
