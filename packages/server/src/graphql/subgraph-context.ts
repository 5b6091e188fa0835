import type { IncomingMessage } from 'node:http';
import { randomUUID } from 'node:crypto';
import { GraphQLError } from 'graphql';
import {
  INTERNAL_SIGNATURE_HEADER,
  INTERNAL_USER_HEADER,
  InternalIdentityVerifier,
  type AuthenticatedUser,
} from '@mymeet/auth';
import { DomainError, ErrorCode, type Logger } from '@mymeet/core';
import type { IncomingOperation } from '../http/apollo-request-handler.js';

export interface SubgraphContext {
  requestId: string;
  /** The caller as verified by the gateway; undefined when the request carried no identity. */
  user?: AuthenticatedUser;
  logger: Logger;
}

/**
 * Builds a subgraph's request context from the identity the gateway signed for this subgraph
 * (`audience`) over this very body. Headers that do not verify (forged, stale, from the future,
 * for another subgraph or body, or seen before) refuse the request with 401; a request without
 * them goes on anonymous, and `requireIdentityPlugin` lets it ask only for `_service`.
 */
export function createSubgraphContextFactory(internalSecret: string, audience: string, logger: Logger) {
  const identities = new InternalIdentityVerifier(internalSecret, audience);
  return async (req: IncomingMessage, operation: IncomingOperation): Promise<SubgraphContext> => {
    const header = (name: string) => {
      const value = req.headers[name];
      return Array.isArray(value) ? value[0] : value;
    };
    const requestId = header('x-request-id') ?? randomUUID();
    const check = identities.verify(
      header(INTERNAL_USER_HEADER),
      header(INTERNAL_SIGNATURE_HEADER),
      operation.body,
    );
    if (check.kind === 'refused') {
      logger.warn({ requestId, reason: check.reason }, 'refused a signed identity');
      throw new GraphQLError('Invalid internal identity', {
        extensions: { code: ErrorCode.UNAUTHENTICATED, reason: check.reason, http: { status: 401 } },
      });
    }
    const user = check.kind === 'verified' ? check.user : undefined;
    return { requestId, user, logger: logger.child({ requestId }) };
  };
}

/** The authenticated caller, or UNAUTHENTICATED. */
export function requireUser(context: SubgraphContext): AuthenticatedUser {
  if (!context.user) throw DomainError.unauthenticated();
  return context.user;
}
