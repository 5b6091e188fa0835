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
  return {
    nc,
    js,
    jsm,
    close: async () => {
      await nc.drain();
    },
  };
}
