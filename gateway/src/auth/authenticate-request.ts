import type { IncomingMessage } from 'node:http';
import { randomUUID } from 'node:crypto';
import { GraphQLError } from 'graphql';
import { bearerToken, type JwtVerifier } from '@mymeet/auth';
import { DomainError, ErrorCode } from '@mymeet/core';
import type { GatewayContext } from '../gateway-context.js';

/** Every operation needs a valid bearer token; without one the request stops here with 401 UNAUTHENTICATED. */
export function createContextAuthenticator(verify: JwtVerifier) {
  return async (req: IncomingMessage): Promise<GatewayContext> => {
    const requestId = headerValue(req, 'x-request-id') ?? randomUUID();
    const token = bearerToken(headerValue(req, 'authorization'));
    if (!token) throw unauthenticated('Missing bearer token');
    try {
      return { requestId, user: await verify(token) };
    } catch (error) {
      throw unauthenticated(error instanceof DomainError ? error.message : 'Invalid token');
    }
  };
}

function unauthenticated(message: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: ErrorCode.UNAUTHENTICATED, http: { status: 401 } },
  });
}

function headerValue(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
