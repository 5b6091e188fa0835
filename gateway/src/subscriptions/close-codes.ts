/**
 * How the gateway ends a graphql-ws connection. graphql-ws clients give up on 4401 and 4429 and
 * reconnect after the others (after 4403 with fresh connection params, so a refreshed token helps).
 */
export const CLOSE = {
  /** No bearer token in `connection_init`. */
  missingToken: { code: 4401, reason: 'Missing bearer token' },
  /** The token is forged, malformed or already expired. */
  invalidToken: { code: 4403, reason: 'Invalid or expired token' },
  /** The token expired while the connection was open: reconnect with a fresh one and the last cursor. */
  tokenExpired: { code: 4403, reason: 'Token expired' },
  tooManyConnections: { code: 4429, reason: 'Too many connections for this user' },
  tooManyRequests: { code: 4429, reason: 'Too many requests' },
  /** The client fell too far behind: reconnect and resume from the last cursor it received. */
  tooSlow: { code: 4013, reason: 'Client too slow to keep up; resume from the last cursor' },
  /** The gateway is shutting down: reconnect (to another instance) with the last cursor. */
  goingAway: { code: 1001, reason: 'Going away' },
} as const;

export type CloseReason = (typeof CLOSE)[keyof typeof CLOSE];
