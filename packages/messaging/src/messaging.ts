import type { JetStreamClient, JetStreamManager, NatsConnection } from 'nats';
import { connectNats } from './connect-nats.js';
import { ensureStreams, type StreamOptions } from './ensure-streams.js';

/**
 * One process's handle on NATS JetStream. Services publish through their transactional outbox
 * (`@mymeet/database`), never straight from a request, so a crash cannot lose a message.
 */
export interface Messaging {
  nc: NatsConnection;
  js: JetStreamClient;
  jsm: JetStreamManager;
  /** False between a disconnect and the reconnect that follows it. */
  isConnected(): boolean;
  close(): Promise<void>;
}

export async function openMessaging(
  url: string,
  name: string,
  streams: StreamOptions = { eventRetentionDays: 7, replicas: 1 },
): Promise<Messaging> {
  const nc = await connectNats(url, name);
  const jsm = await nc.jetstreamManager();
  await ensureStreams(jsm, streams);
  const js = nc.jetstream();
  let connected = true;
  void (async () => {
    for await (const status of nc.status()) {
      if (status.type === 'disconnect') connected = false;
      if (status.type === 'reconnect') connected = true;
    }
  })();
  return {
    nc,
    js,
    jsm,
    isConnected: () => connected && !nc.isClosed(),
    close: async () => {
      await nc.drain();
    },
  };
}
