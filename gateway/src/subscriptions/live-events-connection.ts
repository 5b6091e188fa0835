import { connect, type JetStreamClient, type NatsConnection } from 'nats';
import type { Logger } from '@mymeet/core';
import { natsServers } from '@mymeet/messaging';
import { liveEventsUnavailable } from './subscription-errors.js';

export interface LiveEventsConnection {
  /** JetStream, once connected; rejects with a clear error when NATS stays out of reach. */
  jetstream(): Promise<JetStreamClient>;
  close(): Promise<void>;
}

/**
 * The gateway's NATS connection, opened in the background and kept forever (reconnecting through
 * restarts): queries and mutations never wait for NATS, and subscriptions start as soon as it is up.
 */
export function openLiveEventsConnection(url: string, logger: Logger, waitMs = 10_000): LiveEventsConnection {
  let connection: NatsConnection | undefined;
  let closed = false;
  // Until the first connection, retried here rather than by nats.js, so a stopped gateway stops trying.
  const connected = (async () => {
    for (let attempt = 0; ; attempt++) {
      if (closed) throw new Error('closed');
      try {
        return await connect({
          // Credentials written in the URL (compose's per-service users) become user/pass.
          ...natsServers(url),
          name: 'gateway-subscriptions',
          maxReconnectAttempts: -1,
          reconnectTimeWait: 1_000,
        });
      } catch (error) {
        if (attempt === 0) logger.warn({ err: error }, 'subscriptions: NATS unreachable; retrying');
        await new Promise((resolve) => setTimeout(resolve, 1_000).unref());
      }
    }
  })().then((nc) => {
    connection = nc;
    if (closed) void nc.close();
    void (async () => {
      for await (const status of nc.status()) {
        if (status.type === 'disconnect' || status.type === 'reconnect') {
          logger.warn({ status: status.type, server: status.data }, 'subscriptions: NATS connection');
        }
      }
    })();
    return nc;
  });
  connected.catch(() => undefined);
  return {
    async jetstream() {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(liveEventsUnavailable()), waitMs);
      });
      try {
        return (await Promise.race([connected, timeout])).jetstream();
      } finally {
        clearTimeout(timer);
      }
    },
    async close() {
      closed = true;
      await connection?.close();
    },
  };
}
