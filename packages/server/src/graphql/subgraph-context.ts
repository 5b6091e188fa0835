import type { IncomingMessage } from 'node:http';
import { randomUUID } from 'node:crypto';
import {
  INTERNAL_SIGNATURE_HEADER,
  INTERNAL_USER_HEADER,
  verifyInternalIdentity,
  type AuthenticatedUser,
} from '@mymeet/auth';
import { DomainError, type Logger } from '@mymeet/core';

export interface SubgraphContext {
  requestId: string;
  /** The caller as verified by the gateway; undefined when the request did not come through it signed. */
  user?: AuthenticatedUser;
  logger: Logger;
}

export function createSubgraphContextFactory(internalSecret: string, logger: Logger) {
  return async (req: IncomingMessage): Promise<SubgraphContext> => {
    const header = (name: string) => {
      const value = req.headers[name];
      return Array.isArray(value) ? value[0] : value;
    };
    const requestId = header('x-request-id') ?? randomUUID();
    const user = verifyInternalIdentity(
      header(INTERNAL_USER_HEADER),
      header(INTERNAL_SIGNATURE_HEADER),
      internalSecret,
    );
    return { requestId, user, logger: logger.child({ requestId }) };
  };
}

/** The authenticated caller, or UNAUTHENTICATED. */
export function requireUser(context: SubgraphContext): AuthenticatedUser {
  if (!context.user) throw DomainError.unauthenticated();
  return context.user;
}
