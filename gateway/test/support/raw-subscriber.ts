import { WebSocket } from 'ws';

export interface RawSubscriber {
  /** Every `next` payload's field value, in arrival order. */
  events: Array<Record<string, unknown>>;
  /** Resolves with the close code and reason. */
  closed: Promise<{ code: number; reason: string }>;
  /** Stops reading from the socket (the kernel buffers fill and the server sees a slow client). */
  pause(): void;
  resume(): void;
  close(): void;
}

/**
 * The graphql-transport-ws protocol spoken by hand over `ws`, for what a regular client hides:
 * a client that stops reading, or one that never answers pings (`autoPong: false`).
 */
export async function rawSubscriber(
  wsUrl: string,
  token: string,
  query: string,
  variables: Record<string, unknown>,
  options: { autoPong?: boolean; field?: string } = {},
): Promise<RawSubscriber> {
  const socket = new WebSocket(wsUrl, 'graphql-transport-ws', { autoPong: options.autoPong ?? true });
  const events: Array<Record<string, unknown>> = [];
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    socket.once('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  const acknowledged = new Promise<void>((resolve, reject) => {
    void closed.then((close) => reject(new Error(`closed before connection_ack: ${JSON.stringify(close)}`)));
    socket.on('message', (data) => {
      const message = JSON.parse(data.toString()) as {
        type: string;
        payload?: { data?: Record<string, unknown> };
      };
      if (message.type === 'connection_ack') resolve();
      const value = message.payload?.data?.[options.field ?? 'transcriptProgress'];
      if (message.type === 'next' && value) events.push(value as Record<string, unknown>);
    });
  });
  socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } }));
  await acknowledged;
  socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query, variables } }));
  return {
    events,
    closed,
    pause: () => socket.pause(),
    resume: () => socket.resume(),
    close: () => socket.close(),
  };
}
