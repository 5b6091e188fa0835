import type { AuthenticatedUser } from '@mymeet/auth';
import { CLOSE, type CloseReason } from './close-codes.js';

/** What a subscription owes its socket: events it has not sent and may not merge away. */
export interface Backlog {
  owed(): number;
}

// setTimeout takes at most a signed 32-bit delay.
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * One authenticated graphql-ws connection: who it is, its subscriptions, and the two ways the
 * gateway ends it on its own (token expiry, a client that cannot keep up).
 */
export class SocketSession {
  readonly subscriptions = new Set<Backlog>();
  /** Subscribe requests still being checked: they count against the per-connection cap too. */
  admitting = 0;
  private closed = false;
  private readonly expiry: NodeJS.Timeout;

  constructor(
    readonly user: AuthenticatedUser,
    readonly scope: string,
    expiresAtMs: number,
    private readonly maxBacklog: number,
    private readonly socket: {
      send(parts: readonly Buffer[], done: (error?: Error | null) => void): void;
      close(code: number, reason: string): void;
    },
  ) {
    this.expiry = setTimeout(
      () => this.close(CLOSE.tokenExpired),
      Math.min(MAX_TIMER_MS, Math.max(0, expiresAtMs - Date.now())),
    );
    this.expiry.unref();
  }

  get isClosed(): boolean {
    return this.closed;
  }

  close(reason: CloseReason): void {
    if (this.closed) return;
    this.closed = true;
    clearTimeout(this.expiry);
    this.socket.close(reason.code, reason.reason);
  }

  /** Writes one text message made of `parts`; `done` runs once it is handed to the kernel (or failed). */
  send(parts: readonly Buffer[], done: (error?: Error | null) => void): void {
    this.socket.send(parts, done);
  }

  /** Closes the socket once its subscriptions together owe more than the backlog allows. */
  checkBacklog(): void {
    if (this.closed) return;
    let owed = 0;
    for (const subscription of this.subscriptions) owed += subscription.owed();
    if (owed > this.maxBacklog) this.close(CLOSE.tooSlow);
  }

  /** The socket closed by itself: nothing left to do. */
  ended(): void {
    this.closed = true;
    clearTimeout(this.expiry);
  }
}
