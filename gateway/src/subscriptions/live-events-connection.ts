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
  const connected = connect({
    // Credentials written in the URL (compose's per-service users) become user/pass.
    ...natsServers(url),
    name: 'gateway-subscriptions',
    waitOnFirstConnect: true,
    maxReconnectAttempts: -1,
    reconnectTimeWait: 1_000,
  }).then((nc) => {
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
  connected.catch((error: unknown) => logger.error({ err: error }, 'subscriptions: cannot connect to NATS'));
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
