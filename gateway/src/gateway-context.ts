import type { AuthenticatedUser } from '@mymeet/auth';

export interface GatewayContext {
  requestId: string;
  user: AuthenticatedUser;
}
