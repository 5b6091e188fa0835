import { createClient } from 'graphql-ws';

export const TRANSCRIPT_PROGRESS = `subscription ($meetingId: ID!, $after: String) {
  transcriptProgress(meetingId: $meetingId, after: $after) {
    cursor meetingId transcriptId stage percent message at segment { index text } meeting { title }
  }
}`;

/** How a subscription ended. */
export type WatchEnd =
  | { kind: 'completed' }
  | { kind: 'errors'; errors: Array<{ message: string; extensions?: Record<string, unknown> }> }
  | { kind: 'closed'; code: number; reason: string }
  | { kind: 'failed'; error: unknown };

export interface Watch<Event> {
  events: Event[];
  ended: Promise<WatchEnd>;
  /** Resolves with the first event (or when the stream ends without one). */
  first: Promise<void>;
  dispose(): Promise<void>;
  /** Cuts the connection as a network failure would (the client sees it closed, not completed). */
  drop(): void;
}

/**
 * One graphql-ws connection and subscription, as a browser client makes it (Node's global
 * WebSocket), without the client's own retries: the test decides when and from where to resume.
 */
export function watch<Event = Record<string, unknown>>(
  wsUrl: string,
  token: string | undefined,
  variables: Record<string, unknown>,
  options: { query?: string; field?: string; connectionParams?: Record<string, unknown> } = {},
): Watch<Event> {
  const field = options.field ?? 'transcriptProgress';
  const events: Event[] = [];
  let closedWith: { code: number; reason: string } | undefined;
  let socket: { close(code: number, reason: string): void } | undefined;
  let gotFirst!: () => void;
  const first = new Promise<void>((resolve) => (gotFirst = resolve));
  const client = createClient({
    url: wsUrl,
    connectionParams: options.connectionParams ?? (token ? { authorization: `Bearer ${token}` } : {}),
    retryAttempts: 0,
    shouldRetry: () => false,
    on: {
      connected: (connected) => (socket = connected as typeof socket),
      closed: (event) => (closedWith = event as { code: number; reason: string }),
    },
  });
  const ended = new Promise<WatchEnd>((resolve) => {
    client.subscribe(
      { query: options.query ?? TRANSCRIPT_PROGRESS, variables },
      {
        next: (value) => {
          const data = value.data as Record<string, Event> | undefined;
          if (data?.[field]) events.push(data[field]);
          gotFirst();
        },
        error: (error: unknown) => {
          gotFirst();
          if (Array.isArray(error)) resolve({ kind: 'errors', errors: error });
          else if (isCloseEvent(error)) resolve({ kind: 'closed', code: error.code, reason: error.reason });
          else if (closedWith) resolve({ kind: 'closed', ...closedWith });
          else resolve({ kind: 'failed', error });
        },
        complete: () => {
          gotFirst();
          resolve({ kind: 'completed' });
        },
      },
    );
  });
  return {
    events,
    ended,
    first,
    dispose: () => client.dispose() as Promise<void>,
    drop: () => socket?.close(4000, 'dropped by the test'),
  };
}

function isCloseEvent(error: unknown): error is { code: number; reason: string } {
  return typeof error === 'object' && error !== null && 'code' in error && 'reason' in error;
}

/**
 * Follows a meeting's progress to the end through any number of dropped connections, resuming each
 * time from the last cursor received, as a real client would. Returns every event received and how
 * many connections it took.
 */
export async function followToEnd<Event extends { cursor: string }>(
  wsUrl: string,
  token: string,
  meetingId: string,
  options: {
    query?: string;
    field?: string;
    after?: string;
    deadlineMs?: number;
    /** Called with each new connection, e.g. to cut it mid-stream. */
    onWatch?: (watch: Watch<Event>, attempt: number) => void;
  } = {},
): Promise<{ events: Event[]; connections: number; ends: WatchEnd[] }> {
  const deadline = Date.now() + (options.deadlineMs ?? 60_000);
  const events: Event[] = [];
  const ends: WatchEnd[] = [];
  let after = options.after;
  for (let attempt = 1; ; attempt++) {
    const current = watch<Event>(wsUrl, token, { meetingId, after }, options);
    options.onWatch?.(current, attempt);
    const end = await current.ended;
    await current.dispose();
    ends.push(end);
    events.push(...current.events);
    after = events.at(-1)?.cursor ?? after;
    if (end.kind === 'completed') return { events, connections: attempt, ends };
    if (end.kind === 'errors') throw new Error(`subscription refused: ${JSON.stringify(end.errors)}`);
    if (Date.now() > deadline)
      throw new Error(`no end after ${attempt} connections: ${JSON.stringify(ends)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
