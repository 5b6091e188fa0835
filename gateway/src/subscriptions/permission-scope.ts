import { createHash } from 'node:crypto';
import type { AuthenticatedUser } from '@mymeet/auth';

/**
 * Subscribers whose identity the subgraphs would see identically get identical answers, so they
 * share one visibility check and one entity fetch per event. The scope is the whole forwarded
 * identity: a subgraph may shape data by any of it (owner-only fields, roles).
 */
export function permissionScope(user: AuthenticatedUser): string {
  const identity = JSON.stringify([user.sub, user.email ?? null, user.name ?? null, [...user.roles].sort()]);
  return createHash('sha256').update(identity).digest('base64url').slice(0, 22);
}
